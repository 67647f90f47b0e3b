/**
 * The guarded write every status change goes through: `UPDATE … SET status = next WHERE id = $id AND
 * status = $expected` with its training_events row, asked of the lifecycle first. A retried or late
 * step whose expectation no longer holds changes nothing, so a job never moves backwards and never
 * records the same transition twice. The stage follows the status (failed and cancelled keep theirs).
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import {
  forwardPath,
  isTerminal,
  stageOf,
  TRAINING_EVENT_LABELS,
  type TrainingEvent,
  type TrainingStatus,
  transition,
} from "@/lib/training-lifecycle";
import { type TrainingJobRow, trainingEvents, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

/** Columns a step may set along with the status. */
export type JobPatch = Partial<
  Pick<
    TrainingJobRow,
    | "progress"
    | "currentStep"
    | "totalSteps"
    | "currentEpoch"
    | "totalEpochs"
    | "costSoFarCents"
    | "finalCostCents"
    | "estimatedCompletionAt"
    | "providerStatus"
  >
>;

export type AdvanceResult =
  | { ok: true; from: TrainingStatus; to: TrainingStatus }
  /** `current` is null when the job does not exist (or is not the user's). */
  | { ok: false; current: TrainingStatus | null; reason: string };

export interface AdvanceOptions {
  message?: string;
  patch?: JobPatch;
  /** Scope to this owner (requests from users); functions act on any job by id. */
  userId?: string;
}

/** Inside the caller's transaction (the router adds its outbox event; a poll its metrics). */
export async function advanceJobIn(
  tx: DbOrTx,
  jobId: string,
  expected: TrainingStatus,
  event: TrainingEvent,
  opts: AdvanceOptions = {},
): Promise<AdvanceResult> {
  const move = transition(expected, event);
  const scope = and(eq(trainingJobs.id, jobId), opts.userId ? eq(trainingJobs.userId, opts.userId) : undefined);
  const current = async () => {
    const [row] = await tx.select({ status: trainingJobs.status }).from(trainingJobs).where(scope).limit(1);
    return row?.status ?? null;
  };
  if (!move.ok) return { ok: false, current: await current(), reason: move.reason };
  const [updated] = await tx
    .update(trainingJobs)
    .set({
      ...opts.patch,
      status: move.to,
      // Failed and cancelled keep the stage they stopped in.
      stage: stageOf(move.to) ?? sql`${trainingJobs.stage}`,
      ...(move.to === "failed" ? { errorMessage: opts.message ?? "Training failed." } : {}),
      ...(move.to === "initializing" ? { startedAt: sql`coalesce(${trainingJobs.startedAt}, now())` } : {}),
      ...(isTerminal(move.to) ? { completedAt: sql`now()`, estimatedCompletionAt: null } : {}),
      ...(move.to === "completed" ? { progress: 100 } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(scope, eq(trainingJobs.status, expected)))
    .returning({ id: trainingJobs.id });
  if (!updated) {
    const now = await current();
    return { ok: false, current: now, reason: now ? `The job is ${now}, not ${expected}.` : "Training job not found." };
  }
  await tx.insert(trainingEvents).values({
    jobId,
    fromStatus: move.from,
    toStatus: move.to,
    step: event,
    message: opts.message ?? TRAINING_EVENT_LABELS[event],
  });
  return { ok: true, from: move.from, to: move.to };
}

/**
 * Walks the forward path from `from` to `to`, one guarded write and timeline row per stage, so a poll
 * that finds the provider two stages further on still records each. Stops at the first refusal.
 */
export async function walkForwardIn(
  tx: DbOrTx,
  jobId: string,
  from: TrainingStatus,
  to: TrainingStatus,
  messages: Partial<Record<TrainingEvent, string>> = {},
): Promise<AdvanceResult> {
  const path = forwardPath(from, to);
  if (!path) return { ok: false, current: from, reason: `Cannot go from ${from} to ${to}.` };
  let at: AdvanceResult = { ok: true, from, to: from };
  for (const event of path) {
    const status: TrainingStatus = at.ok ? at.to : from;
    at = await advanceJobIn(tx, jobId, status, event, { message: messages[event] });
    if (!at.ok) return at;
  }
  return at.ok ? { ok: true, from, to: at.to } : at;
}
