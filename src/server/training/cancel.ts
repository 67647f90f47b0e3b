/**
 * Cancelling, in two halves. The user's request (fineTuning.cancel) moves the job to cancelled at
 * once with a guarded write, bills the steps completed so far, and writes the outbox event that both
 * cancels the training run (its cancelOn) and starts cancel-training. That function stops the job at
 * the provider, stores the id the provider hands back, records what the provider logged up to the
 * stop, and settles the bill on the provider's final count of completed steps.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import { trainingEvents, trainingJobs } from "@/server/db/schema";
import type { Db, Tx } from "@/server/db/types";
import { trainingCancelRequested } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { INITIAL_CURSOR, trainingProvider } from "@/server/providers/training";
import { advanceJobIn } from "./advance";
import { costCents } from "./billing";
import { providerCall } from "./machine";
import { insertItems } from "./record";

export type CancelResult =
  | { ok: true; id: string; status: TrainingStatus }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "refused"; status: TrainingStatus; reason: string };

/** For a cancel the app makes on the user's behalf (the budget's hard limit): its reason, and what to write with it. */
export interface CancelOptions {
  message?: string;
  /** Runs in the transaction of the move, only when it is made. */
  onMoved?: (tx: Tx) => Promise<void>;
}

export async function requestTrainingCancel(
  db: Db,
  userId: string,
  id: string,
  opts: CancelOptions = {},
): Promise<CancelResult> {
  let seen: TrainingStatus | null = null;
  // A poll may move the job between the read and the guarded write: read again and retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const [job] = await db
      .select()
      .from(trainingJobs)
      .where(and(eq(trainingJobs.id, id), eq(trainingJobs.userId, userId)))
      .limit(1);
    if (!job) return { ok: false, code: "not_found" };
    seen = job.status;
    const cost = costCents(job.estimate, {
      hardware: job.status !== "queued",
      step: job.currentStep,
      totalSteps: job.totalSteps,
    });
    const result = await db.transaction(async (tx) => {
      const moved = await advanceJobIn(tx, id, job.status, "cancel_requested", {
        userId,
        message: opts.message ?? "Cancelled by you",
        patch: { costSoFarCents: cost, finalCostCents: cost },
      });
      if (moved.ok) {
        await enqueueEvent(tx, { name: trainingCancelRequested.name, data: { jobId: id, userId } });
        await opts.onMoved?.(tx);
      }
      return moved;
    });
    if (result.ok) return { ok: true, id, status: result.to };
    if (result.current === null) return { ok: false, code: "not_found" };
    if (result.current === job.status) return { ok: false, code: "refused", status: job.status, reason: result.reason };
  }
  return { ok: false, code: "refused", status: seen ?? "queued", reason: "The job is changing right now; try again." };
}

export interface SettleResult {
  /** The provider was asked to stop (false: the job never reached it). */
  stopped: boolean;
  billedSteps: number;
  finalCostCents: number | null;
}

/** cancel-training's work; safe to repeat (the provider's cancel is idempotent, inserts de-duplicated). */
export async function cancelTrainingAtProvider(db: Db, jobId: string): Promise<SettleResult> {
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
  if (job?.status !== "cancelled")
    return { stopped: false, billedSteps: 0, finalCostCents: job?.finalCostCents ?? null };
  if (!job.providerJobId) return { stopped: false, billedSteps: 0, finalCostCents: job.finalCostCents };
  // Delivered again after it was settled: the provider has stopped and the bill is final.
  const [settled] = await db
    .select({ id: trainingEvents.id })
    .from(trainingEvents)
    .where(and(eq(trainingEvents.jobId, jobId), eq(trainingEvents.step, "provider_cancelled")))
    .limit(1);
  if (settled) return { stopped: true, billedSteps: job.currentStep, finalCostCents: job.finalCostCents };
  const provider = trainingProvider();
  const oldId = job.providerJobId;
  const handle = await providerCall(() => provider.cancel(oldId));
  await db
    .update(trainingJobs)
    .set({ providerJobId: handle.providerJobId, providerStatus: handle.providerStatus })
    .where(eq(trainingJobs.id, jobId));
  const u = await providerCall(() => provider.poll(handle.providerJobId, job.cursor ?? INITIAL_CURSOR));
  const hardware = job.startedAt !== null || u.step > 0;
  const totalSteps = u.totalSteps > 0 ? u.totalSteps : job.totalSteps;
  const cost = costCents(job.estimate, { hardware, step: u.step, totalSteps });
  await db.transaction(async (tx) => {
    await insertItems(tx, jobId, u);
    await tx
      .update(trainingJobs)
      .set({
        currentStep: u.step,
        totalSteps,
        cursor: u.cursor,
        costSoFarCents: cost,
        finalCostCents: cost,
        updatedAt: sql`now()`,
      })
      .where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.status, "cancelled")));
    const [noted] = await tx
      .select({ id: trainingEvents.id })
      .from(trainingEvents)
      .where(and(eq(trainingEvents.jobId, jobId), eq(trainingEvents.step, "provider_cancelled")))
      .limit(1);
    if (noted) return;
    await tx.insert(trainingEvents).values({
      jobId,
      fromStatus: "cancelled",
      toStatus: "cancelled",
      step: "provider_cancelled",
      message: `Stopped at the provider after ${u.step} of ${totalSteps} steps (${u.providerStatus})`,
    });
  });
  return { stopped: true, billedSteps: u.step, finalCostCents: cost };
}
