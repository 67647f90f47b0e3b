/**
 * A training run that failed (its last retry threw, or a provider error retrying cannot fix): the job
 * moves to failed from whatever live state it is in, with the error, the steps completed so far billed
 * and a notification. The provider's job is then stopped, as far as it can be: a run that can no
 * longer poll must not leave paid training running.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { isLive } from "@/lib/training-lifecycle";
import { trainingJobs } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/log";
import { trainingProvider } from "@/server/providers/training";
import { type AdvanceResult, advanceJobIn } from "./advance";
import { costCents } from "./billing";
import { notifyTrainingFailed } from "./notify";

async function stopAtProvider(db: Db, jobId: string, providerJobId: string): Promise<void> {
  try {
    const handle = await trainingProvider().cancel(providerJobId);
    await db
      .update(trainingJobs)
      .set({ providerJobId: handle.providerJobId, providerStatus: handle.providerStatus })
      .where(eq(trainingJobs.id, jobId));
  } catch (err) {
    logger.warn(
      { jobId, err: err instanceof Error ? err.message : String(err) },
      "could not stop a failed training job at the provider",
    );
  }
}

export async function failTrainingJob(db: Db, jobId: string, reason: string): Promise<AdvanceResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
    if (!job) return { ok: false, current: null, reason: "Training job not found." };
    if (!isLive(job.status)) return { ok: false, current: job.status, reason: `The job is already ${job.status}.` };
    const cost = costCents(job.estimate, {
      hardware: job.status !== "queued",
      step: job.currentStep,
      totalSteps: job.totalSteps,
    });
    const moved = await db.transaction(async (tx) => {
      const result = await advanceJobIn(tx, jobId, job.status, "failed", {
        message: reason,
        patch: { costSoFarCents: cost, finalCostCents: cost },
      });
      if (result.ok) await notifyTrainingFailed(tx, { userId: job.userId, jobId, name: job.name }, reason);
      return result;
    });
    if (moved.ok) {
      if (job.providerJobId) await stopAtProvider(db, jobId, job.providerJobId);
      return moved;
    }
    // Lost a race with another write (a poll moved it on): read again and retry.
    if (moved.current !== job.status) continue;
    return moved;
  }
  return { ok: false, current: null, reason: "The job kept changing; not marked failed." };
}
