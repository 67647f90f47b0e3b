/**
 * The cost ledger's vocabulary. Amounts in the ledger are integer micro-cents (1 cent = 1,000,000
 * micro-cents): a deployment's five-minute share of an hourly price or a dataset's day of storage is a
 * small fraction of a cent, and summing rounded cents would drift. Prices come from @/lib/pricing in
 * integer cents (or mills); each record's amount is rounded once, half up, to the micro-cent, and
 * totals are shown rounded to cents only when displayed.
 */

export const COST_TYPES = ["compute", "storage", "data_transfer", "api_calls"] as const;
export type CostType = (typeof COST_TYPES)[number];

export const COST_RESOURCE_TYPES = ["deployment", "training_job", "dataset", "artifact"] as const;
export type CostResourceType = (typeof COST_RESOURCE_TYPES)[number];

export const MICRO_PER_CENT = 1_000_000;

export function centsToMicro(cents: number): number {
  return cents * MICRO_PER_CENT;
}

/** Micro-cents to whole cents, half up (negative amounts never occur in the ledger). */
export function microToCents(micro: number): number {
  return Math.floor((micro + MICRO_PER_CENT / 2) / MICRO_PER_CENT);
}

/** What a record says about how its amount was made (shown in the records table and the CSV). */
export type CostDetails =
  | { kind: "deployment"; replicas: number; hourlyCents: number; billedSeconds: number }
  | { kind: "training"; chunk: number; fromStep: number; toStep: number; billedSeconds?: number; adapters?: number }
  | { kind: "storage"; bytes: number; storedSeconds: number };

/** One ledger line as the accrual modules produce it (the server adds the user and writes it). */
export interface CostLine {
  /** Unique per line ever billed: a re-run writes the same key, which replaces rather than adds. */
  idempotencyKey: string;
  type: CostType;
  resourceType: CostResourceType;
  resourceId: string;
  amountMicro: number;
  periodStart: Date;
  periodEnd: Date;
  details: CostDetails;
}
