// The pricing module's public surface: import from "@/lib/pricing".
export { ADD_ONS, type AddOnId } from "./add-ons";
export { DEFAULT_CUSTOM_TARGET_PERCENT, expectedReplicas, replicaCapacityRpm } from "./capacity";
export {
  type Accelerator,
  gpuCountsText,
  INSTANCE_TYPES,
  type InstanceSize,
  type InstanceType,
  instanceSize,
  instanceTypeById,
  isInstanceTypeId,
} from "./instance-types";
export { ceilDiv, divRound, formatCents } from "./money";
export {
  type DeploymentPrice,
  HOURS_PER_MONTH,
  type MonthlyBand,
  type PriceLine,
  PricingError,
  type PricingInput,
  priceDeployment,
  tryPriceDeployment,
} from "./price";
export { DEFAULT_REGION_ID, isRegionId, REGIONS, type Region, regionById } from "./regions";
