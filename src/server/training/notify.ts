/** The in-app notifications a job ends with: one per outcome, however often a step retries. */
import "server-only";
import { formatCents } from "@/lib/pricing/money";
import type { DbOrTx } from "@/server/db/types";
import { notify } from "@/server/notifications/notify";

export interface TrainingNotice {
  userId: string;
  jobId: string;
  name: string;
}

async function record(tx: DbOrTx, n: TrainingNotice, outcome: "completed" | "failed", title: string, body: string) {
  await notify(tx, {
    userId: n.userId,
    type: outcome === "completed" ? "job_completed" : "job_failed",
    title,
    body,
    resource: { type: "training_job", id: n.jobId },
    dedupeKey: `training:${n.jobId}:${outcome}`,
  });
}

export function notifyTrainingCompleted(
  tx: DbOrTx,
  n: TrainingNotice,
  costCents: number,
  rating: string,
): Promise<void> {
  return record(
    tx,
    n,
    "completed",
    `Fine-tuning "${n.name}" completed`,
    `Convergence: ${rating}. Cost: ${formatCents(costCents)}.`,
  );
}

export function notifyTrainingFailed(tx: DbOrTx, n: TrainingNotice, reason: string): Promise<void> {
  return record(tx, n, "failed", `Fine-tuning "${n.name}" failed`, reason);
}
