/**
 * A training job's lines (src/lib/costs/training.ts) from its row: written after every poll, at
 * completion, on failure and when a cancel settles, so the ledger follows the job's cost so far as it
 * runs and ends at its final cost. Safe to repeat: the same steps give the same lines.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { trainingLines } from "@/lib/costs/training";
import { trainingJobs } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { billedSteps } from "@/server/training/billing";
import { writeCostLines } from "./ledger";

export interface TrainingAccrual {
  userId: string | null;
  /** The change to the user's bill, in micro-cents. */
  delta: number;
}

export async function accrueTrainingJob(db: Db, jobId: string, now = new Date()): Promise<TrainingAccrual> {
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
  if (!job) return { userId: null, delta: 0 };
  // The row's own figure says whether hardware was reached (src/server/training/billing.ts bills
  // nothing before it, and the setup once it was): the ledger follows the row, never the other way.
  const hardware = (job.finalCostCents ?? job.costSoFarCents) > 0;
  const steps =
    job.status === "completed" ? job.estimate.totalSteps : billedSteps(job.estimate, job.currentStep, job.totalSteps);
  const lines = trainingLines({ id: job.id, estimate: job.estimate, hardware, billedSteps: steps }, now);
  return { userId: job.userId, delta: await writeCostLines(db, job.userId, lines) };
}
