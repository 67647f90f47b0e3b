/**
 * The one place a deployment's cost is computed: the wizard's footer calls it on every change and
 * `deployments.create` calls it again to store its own figures, so the two always agree.
 *
 * All amounts are integer cents. Each line is rounded once from integer mills; totals are sums of
 * line cents, so the breakdown always adds up to the total.
 */
import type { DeploymentConfig } from "@/lib/deployments/schema";
import type { ModelSpec } from "@/lib/model-spec";
import { ADD_ONS, type AddOnId } from "./add-ons";
import { type CapacityScaling, expectedReplicas, replicaCapacityRpm, targetPercent } from "./capacity";
import { instanceSize, instanceTypeById } from "./instance-types";
import { divRound } from "./money";
import { regionById } from "./regions";

/** Billing hours in a month (365 × 24 / 12), as cloud price lists count them. */
export const HOURS_PER_MONTH = 730;

/** What pricing reads from a configuration; a full DeploymentConfig fits. */
export interface PricingInput {
  hardware: Pick<DeploymentConfig["hardware"], "instanceTypeId" | "gpuCount">;
  scaling: CapacityScaling;
  environment: Pick<DeploymentConfig["environment"], "region">;
  security: Pick<DeploymentConfig["security"], "privateEndpoint" | "requestLogging">;
}

export interface MonthlyBand {
  /** Min replicas always on (0 when the endpoint scales to zero). */
  minCents: number;
  /** The replicas the expected traffic keeps running (see ./capacity.ts). */
  expectedCents: number;
  /** Max replicas always on. */
  maxCents: number;
}

export interface PriceLine {
  id: "compute" | "region" | AddOnId;
  label: string;
  /** e.g. "$0.80/h per replica" or "+12% in Europe (Ireland)". */
  detail: string;
  /** This line's cost of one hour with one replica running. */
  hourlyCents: number;
  monthly: MonthlyBand;
}

export interface DeploymentPrice {
  /** One hour with one replica running, add-ons included: the rate while serving. */
  hourlyCents: number;
  monthly: MonthlyBand;
  replicas: { min: number; expected: number; max: number };
  /** Requests per minute one replica serves at the autoscaling target (the capacity model's figure). */
  replicaCapacityRpm: number;
  hours: typeof HOURS_PER_MONTH;
  lines: PriceLine[];
}

export class PricingError extends Error {}

function band(f: (replicas: number) => number, r: DeploymentPrice["replicas"]): MonthlyBand {
  return { minCents: f(r.min), expectedCents: f(r.expected), maxCents: f(r.max) };
}

function sumBands(lines: PriceLine[]): MonthlyBand {
  return lines.reduce(
    (t, l) => ({
      minCents: t.minCents + l.monthly.minCents,
      expectedCents: t.expectedCents + l.monthly.expectedCents,
      maxCents: t.maxCents + l.monthly.maxCents,
    }),
    { minCents: 0, expectedCents: 0, maxCents: 0 },
  );
}

const dollarsPerHour = (mills: number) => `$${(mills / 1000).toFixed(mills % 10 === 0 ? 2 : 3)}/h`;

/** Throws PricingError for an instance type, GPU count or region that does not exist. */
export function priceDeployment(config: PricingInput, model?: Pick<ModelSpec, "parameterCountB"> | null): DeploymentPrice {
  const type = instanceTypeById(config.hardware.instanceTypeId);
  if (!type) throw new PricingError(`Unknown instance type ${config.hardware.instanceTypeId}.`);
  const size = instanceSize(type, config.hardware.gpuCount);
  if (!size) throw new PricingError(`${type.label} has no size with ${config.hardware.gpuCount} GPUs.`);
  const region = regionById(config.environment.region);
  if (!region) throw new PricingError(`Unknown region ${config.environment.region}.`);
  const { scaling } = config;
  if (scaling.minReplicas > scaling.maxReplicas) throw new PricingError("Min replicas exceed max replicas.");

  const replicas = {
    min: scaling.minReplicas,
    expected: expectedReplicas(type, size, scaling, model),
    max: scaling.maxReplicas,
  };
  const rate = size.hourlyMills;
  const pct = region.pricePercent;
  const baseCents = (n: number, hours: number) => divRound(rate * n * hours, 10);
  const regionalCents = (n: number, hours: number) => divRound(rate * pct * n * hours, 1000);
  const sizeLabel = type.accelerator === "gpu" ? `${size.gpuCount} × ${type.label}` : type.label;

  const lines: PriceLine[] = [
    {
      id: "compute",
      label: sizeLabel,
      detail: `${dollarsPerHour(rate)} per replica`,
      hourlyCents: baseCents(1, 1),
      monthly: band((n) => baseCents(n, HOURS_PER_MONTH), replicas),
    },
  ];
  if (pct !== 100) {
    // The regional difference as its own line, so compute + region = the regional price exactly.
    const diff = (n: number, hours: number) => regionalCents(n, hours) - baseCents(n, hours);
    lines.push({
      id: "region",
      label: `Region: ${region.label}`,
      detail: `${pct > 100 ? "+" : "−"}${Math.abs(pct - 100)}% on compute`,
      hourlyCents: diff(1, 1),
      monthly: band((n) => diff(n, HOURS_PER_MONTH), replicas),
    });
  }
  for (const id of ["privateEndpoint", "requestLogging"] as const) {
    if (!config.security[id]) continue;
    const addOn = ADD_ONS[id];
    const cents = (hours: number) => divRound(addOn.hourlyMills * hours, 10);
    lines.push({
      id,
      label: addOn.label,
      detail: `${dollarsPerHour(addOn.hourlyMills)} while running`,
      hourlyCents: cents(1),
      monthly: band((n) => (n > 0 ? cents(HOURS_PER_MONTH) : 0), replicas),
    });
  }

  return {
    hourlyCents: lines.reduce((t, l) => t + l.hourlyCents, 0),
    monthly: sumBands(lines),
    replicas,
    replicaCapacityRpm: replicaCapacityRpm(type, size, targetPercent(scaling), model),
    hours: HOURS_PER_MONTH,
    lines,
  };
}

/**
 * For a draft the user is still editing: the price, or null while the configuration cannot be
 * priced (a count that is not a whole number yet, an instance type without that GPU count…).
 */
export function tryPriceDeployment(config: PricingInput, model?: Pick<ModelSpec, "parameterCountB"> | null): DeploymentPrice | null {
  const { scaling } = config;
  const counts = [scaling.minReplicas, scaling.maxReplicas, scaling.expectedRequestsPerMinute, scaling.target.percent];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) return null;
  if (scaling.maxReplicas < 1 || (scaling.trigger !== "custom" && scaling.target.percent < 1)) return null;
  try {
    return priceDeployment(config, model);
  } catch (e) {
    if (e instanceof PricingError) return null;
    throw e;
  }
}
