/**
 * A fine-tuning job's bill, per chunk of billed steps. The job's cost so far is the pricing module's
 * costSoFar (setup plus the completed steps' share of compute, and the adapters written, first month)
 * at the steps billed so far; the ledger splits it into chunks of a twentieth of the job's steps, each
 * line being the cost so far at the chunk's end minus at its start (chunk 0 also carries the setup).
 * The current chunk's line is rewritten as steps complete (same key), so the job's lines always add
 * up to exactly what the job row says it has cost, and a cancelled job is billed only its completed
 * steps. A job that never reached hardware costs nothing.
 */
import { costSoFar, type TrainingEstimate } from "@/lib/pricing/training";
import { ceilDiv } from "@/lib/pricing/money";
import { centsToMicro, type CostLine } from "./types";

export const TRAINING_CHUNKS = 20;

export function chunkSteps(totalSteps: number): number {
  return Math.max(1, ceilDiv(Math.max(0, totalSteps), TRAINING_CHUNKS));
}

export interface BilledTraining {
  id: string;
  estimate: TrainingEstimate;
  /** Hardware was allocated (the job got past queued). */
  hardware: boolean;
  /** Completed steps on the estimate's scale. */
  billedSteps: number;
}

/**
 * The lines for every chunk begun so far. `at` stamps a line's period: a chunk's line keeps the start
 * it was first written with (the ledger never moves it), and its end is the latest accrual.
 */
export function trainingLines(job: BilledTraining, at: Date): CostLine[] {
  if (!job.hardware) return [];
  const total = job.estimate.totalSteps;
  const done = Math.min(Math.max(0, Math.floor(job.billedSteps)), total);
  const size = chunkSteps(total);
  const last = done === total && total > 0 ? ceilDiv(total, size) - 1 : Math.floor(done / size);
  const lines: CostLine[] = [];
  for (let k = 0; k <= last; k++) {
    const fromStep = k * size;
    const toStep = Math.min(done, (k + 1) * size);
    const before = k === 0 ? { computeCents: 0, storageCents: 0 } : costSoFar(job.estimate, fromStep);
    const after = costSoFar(job.estimate, toStep);
    const base = { resourceType: "training_job" as const, resourceId: job.id, periodStart: at, periodEnd: at };
    lines.push({
      ...base,
      idempotencyKey: `training:${job.id}:${k}:compute`,
      type: "compute",
      amountMicro: centsToMicro(after.computeCents - before.computeCents),
      details: { kind: "training", chunk: k, fromStep, toStep, billedSeconds: after.billedSeconds },
    });
    const storage = after.storageCents - before.storageCents;
    if (storage > 0) {
      lines.push({
        ...base,
        idempotencyKey: `training:${job.id}:${k}:storage`,
        type: "storage",
        amountMicro: centsToMicro(storage),
        details: { kind: "training", chunk: k, fromStep, toStep },
      });
    }
  }
  return lines;
}
