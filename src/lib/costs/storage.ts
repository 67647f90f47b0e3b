/**
 * Storage, per GB-day: each dataset file and each model artifact is billed at the pricing module's
 * STORAGE_MILLS_PER_GB_MONTH for the time it was stored within a UTC day (a month being
 * HOURS_PER_MONTH hours, as the price lists count). A dataset is stored from its upload until it is
 * deleted. An artifact's first month is billed with its training job (the estimate's "Storage (first
 * month)" line), so it is billed here from 30 days after it was made until it is deleted.
 */
import { HOURS_PER_MONTH } from "@/lib/pricing/price";
import { STORAGE_MILLS_PER_GB_MONTH } from "@/lib/pricing/training";
import { DAY_MS } from "./period";
import type { CostLine } from "./types";

export const ARTIFACT_PREPAID_MS = 30 * DAY_MS;

export interface StoredResource {
  resourceType: "dataset" | "artifact";
  id: string;
  bytes: number;
  /** When billing starts (upload; an artifact's creation + 30 days). */
  from: Date;
  /** When it stopped being stored (deleted), or null. */
  until: Date | null;
}

const MICRO_PER_MILL = 100_000n;
const BYTES_PER_GB = 1_000_000_000n;
const MS_PER_MONTH = BigInt(HOURS_PER_MONTH) * 3_600_000n;

/** round(bytes × ms × rate / (GB × month)), in BigInt: bytes × ms overflows a double's integers. */
export function storageMicroCents(bytes: number, ms: number): number {
  const n = BigInt(Math.round(bytes)) * BigInt(Math.round(ms)) * BigInt(STORAGE_MILLS_PER_GB_MONTH) * MICRO_PER_MILL;
  const d = BYTES_PER_GB * MS_PER_MONTH;
  return Number((2n * n + d) / (2n * d));
}

/** One line per resource stored during the UTC day starting at `dayStart`. */
export function storageLines(resources: readonly StoredResource[], dayStart: Date): CostLine[] {
  const start = dayStart.getTime();
  const end = start + DAY_MS;
  const lines: CostLine[] = [];
  for (const r of resources) {
    const ms = Math.max(0, Math.min(end, r.until?.getTime() ?? end) - Math.max(start, r.from.getTime()));
    if (ms === 0 || r.bytes <= 0) continue;
    const amountMicro = storageMicroCents(r.bytes, ms);
    if (amountMicro === 0) continue;
    lines.push({
      idempotencyKey: `storage:${r.resourceType}:${r.id}:${dayStart.toISOString().slice(0, 10)}`,
      type: "storage",
      resourceType: r.resourceType,
      resourceId: r.id,
      amountMicro,
      periodStart: new Date(start),
      periodEnd: new Date(end),
      details: { kind: "storage", bytes: r.bytes, storedSeconds: Math.round(ms / 1000) },
    });
  }
  return lines;
}

/** What the resources cost per day at their current size (the forecast's storage rate). */
export function storageMicroPerDay(bytes: number): number {
  return storageMicroCents(bytes, DAY_MS);
}
