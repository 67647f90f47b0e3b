/**
 * How many replicas the expected traffic keeps running: a deliberately simple, documented model.
 *
 * - A replica at full utilisation serves `referenceRpmPerUnit × units` requests per minute for an
 *   8B-parameter model, where units are its GPUs (vCPUs on CPU instances). Larger models are
 *   proportionally slower: × 8 / max(8, parameters in billions). Precision is ignored.
 * - The autoscaler keeps each replica at its target: the cpu/gpu trigger's percent, or
 *   DEFAULT_CUSTOM_TARGET_PERCENT for a custom metric (we cannot relate an arbitrary metric to requests).
 * - Traffic is spread evenly over the month, so expected replicas =
 *   ceil(expected rpm / rpm per replica at target), at least 1 when there is any traffic, and
 *   clamped to [min, max]. No traffic leaves min replicas running (0 with scale-to-zero).
 */
import type { ScalingConfig } from "@/lib/deployments/schema";
import type { ModelSpec } from "@/lib/model-spec";
import { parameterCountB } from "@/lib/model-spec";
import { ceilDiv } from "./money";
import type { InstanceSize, InstanceType } from "./instance-types";

export const DEFAULT_CUSTOM_TARGET_PERCENT = 70;
const REFERENCE_MODEL_MILLI_B = 8_000; // 8B parameters, in thousandths of a billion

export type CapacityScaling = Pick<ScalingConfig, "minReplicas" | "maxReplicas" | "trigger" | "expectedRequestsPerMinute"> & {
  target: Pick<ScalingConfig["target"], "percent">;
};

export function targetPercent(scaling: Pick<CapacityScaling, "trigger" | "target">): number {
  return scaling.trigger === "custom" ? DEFAULT_CUSTOM_TARGET_PERCENT : scaling.target.percent;
}

function modelMilliB(model?: Pick<ModelSpec, "parameterCountB"> | null): number {
  const b = model ? parameterCountB(model) : null;
  return Math.max(REFERENCE_MODEL_MILLI_B, b === null ? 0 : Math.round(b * 1000));
}

function units(type: InstanceType, size: InstanceSize): number {
  return type.accelerator === "gpu" ? size.gpuCount : size.vCpu;
}

/** Requests per minute one replica serves while held at `percent` utilisation (rounded down). */
export function replicaCapacityRpm(
  type: InstanceType,
  size: InstanceSize,
  percent: number,
  model?: Pick<ModelSpec, "parameterCountB"> | null,
): number {
  const numerator = type.referenceRpmPerUnit * units(type, size) * REFERENCE_MODEL_MILLI_B * percent;
  return Math.floor(numerator / (modelMilliB(model) * 100));
}

/** Replicas the expected traffic keeps running, within [min, max]. */
export function expectedReplicas(
  type: InstanceType,
  size: InstanceSize,
  scaling: CapacityScaling,
  model?: Pick<ModelSpec, "parameterCountB"> | null,
): number {
  const { minReplicas: min, maxReplicas: max, expectedRequestsPerMinute: rpm } = scaling;
  if (rpm === 0) return min;
  // rpm / (ref × units × 8000 × percent / (milliB × 100)), in integers.
  const needed = ceilDiv(
    rpm * modelMilliB(model) * 100,
    type.referenceRpmPerUnit * units(type, size) * REFERENCE_MODEL_MILLI_B * targetPercent(scaling),
  );
  return Math.min(max, Math.max(min, needed, 1));
}
