/**
 * One provider poll, recorded in one transaction: the new metrics points, log lines and checkpoints
 * (ON CONFLICT DO NOTHING on their natural keys, so a retried poll with the same cursor inserts
 * nothing twice), the status walked forward to the provider's phase with a timeline row per stage,
 * and the job's progress, current metrics, cost so far and ETA. A job that has ended (cancelled by the
 * user meanwhile) keeps its status; only its items are recorded.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { forwardPath, isLive, isTerminal, type TrainingEvent, type TrainingStatus } from "@/lib/training-lifecycle";
import {
  LIVE_TRAINING_SQL,
  type TrainingCurrentMetrics,
  trainingCheckpoints,
  trainingJobs,
  trainingLogs,
  trainingMetrics,
} from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import type { TrainingPhase, TrainingUpdate } from "@/server/providers/training";
import { advanceJobIn, walkForwardIn } from "./advance";
import { costCents } from "./billing";
import { notifyTrainingFailed } from "./notify";

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters at 10 a row. */
const CHUNK = 500;

const FORWARD_MESSAGES: Partial<Record<TrainingEvent, string>> = {
  initialize: "Hardware allocated: loading the base model and the dataset",
  training_started: "Training started",
  validation_started: "Final evaluation on the validation set",
  saving_started: "Saving the adapter",
};

/** The status a provider phase puts the job in; `completed` waits in saving until the artifact is made. */
export function statusForPhase(phase: TrainingPhase): TrainingStatus {
  return phase === "completed" ? "saving" : phase;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Inserts what is new; returns how many checkpoints were new. */
export async function insertItems(
  tx: DbOrTx,
  jobId: string,
  u: Pick<TrainingUpdate, "points" | "logs" | "checkpoints">,
) {
  for (const part of chunks(u.points)) {
    await tx
      .insert(trainingMetrics)
      .values(
        part.map((p) => ({
          jobId,
          step: p.step,
          epoch: p.epoch,
          trainingLoss: p.trainingLoss,
          validationLoss: p.validationLoss ?? null,
          learningRate: p.learningRate,
          gradientNorm: p.gradNorm ?? null,
          throughput: p.throughput ?? null,
          gpuUtilization: p.gpuUtilization ?? null,
          at: new Date(p.at),
        })),
      )
      .onConflictDoNothing();
  }
  for (const part of chunks(u.logs)) {
    await tx
      .insert(trainingLogs)
      .values(
        part.map((l) => ({
          jobId,
          seq: l.seq,
          at: new Date(l.at),
          level:
            l.level === "ERROR" ? ("error" as const) : l.level === "WARNING" ? ("warning" as const) : ("info" as const),
          message: l.message,
          metadata: l.metadata ?? null,
        })),
      )
      .onConflictDoNothing();
  }
  let newCheckpoints = 0;
  for (const part of chunks(u.checkpoints)) {
    const inserted = await tx
      .insert(trainingCheckpoints)
      .values(
        part.map((c) => ({
          jobId,
          step: c.step,
          epoch: c.epoch,
          trainingLoss: c.trainingLoss ?? null,
          validationLoss: c.validationLoss ?? null,
          isFinal: c.final,
          createdAt: new Date(c.at),
        })),
      )
      .onConflictDoNothing()
      .returning({ step: trainingCheckpoints.step });
    newCheckpoints += inserted.length;
  }
  return { newCheckpoints };
}

/** The latest measurement: the last new point, with the last validation loss seen so far. */
export function currentMetricsAfter(
  previous: TrainingCurrentMetrics | null,
  points: TrainingUpdate["points"],
): TrainingCurrentMetrics | null {
  const last = points.at(-1);
  if (!last) return previous;
  const lastEval = points.findLast((p) => p.validationLoss !== undefined);
  return {
    step: last.step,
    epoch: last.epoch,
    trainingLoss: last.trainingLoss,
    validationLoss: lastEval?.validationLoss ?? previous?.validationLoss ?? null,
    learningRate: last.learningRate,
    gradientNorm: last.gradNorm ?? null,
    throughput: last.throughput ?? null,
    gpuUtilization: last.gpuUtilization ?? null,
    at: last.at,
  };
}

export interface PollRecord {
  /** The job's status after recording (null: the job is gone). */
  status: TrainingStatus | null;
  newCheckpoints: number;
}

export async function recordTrainingUpdate(
  db: Db,
  jobId: string,
  u: TrainingUpdate,
  now = new Date(),
): Promise<PollRecord> {
  return db.transaction(async (tx) => {
    const { newCheckpoints } = await insertItems(tx, jobId, u);
    const [job] = await tx.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
    if (!job) return { status: null, newCheckpoints };
    if (!isLive(job.status)) return { status: job.status, newCheckpoints };

    const target = statusForPhase(u.phase);
    // A job that failed or was cancelled after completing steps had reached training, even if no
    // poll saw it there: its stages are recorded before it ends (and it is billed from then on).
    const reached = isTerminal(target) ? (u.step > 0 ? "running" : null) : target;
    let status = job.status;
    if (reached && forwardPath(status, reached)) {
      const walked = await walkForwardIn(tx, jobId, status, reached, FORWARD_MESSAGES);
      status = walked.ok ? walked.to : (walked.current ?? status);
    }
    const totalSteps = u.totalSteps > 0 ? u.totalSteps : job.totalSteps;
    const cost = costCents(job.estimate, { hardware: status !== "queued", step: u.step, totalSteps });
    await tx
      .update(trainingJobs)
      .set({
        currentStep: u.step,
        totalSteps,
        currentEpoch: u.epoch,
        totalEpochs: u.totalEpochs > 0 ? u.totalEpochs : job.totalEpochs,
        progress: Math.min(100, Math.max(0, Math.round(u.progress * 10_000) / 100)),
        currentMetrics: currentMetricsAfter(job.currentMetrics, u.points),
        costSoFarCents: cost,
        ...(u.etaSeconds !== undefined ? { estimatedCompletionAt: new Date(now.getTime() + u.etaSeconds * 1000) } : {}),
        providerStatus: u.providerStatus,
        cursor: u.cursor,
        updatedAt: sql`now()`,
      })
      .where(and(eq(trainingJobs.id, jobId), LIVE_TRAINING_SQL));

    if (target === "failed" || target === "cancelled") {
      const message =
        target === "failed"
          ? (u.message ?? `The training provider reports ${u.providerStatus}.`)
          : `Cancelled at the provider${u.message ? `: ${u.message}` : ""}`;
      const ended = await advanceJobIn(tx, jobId, status, target === "failed" ? "failed" : "cancel_requested", {
        message,
        patch: { finalCostCents: cost },
      });
      if (ended.ok && target === "failed")
        await notifyTrainingFailed(tx, { userId: job.userId, jobId, name: job.name }, message);
      status = ended.ok ? ended.to : (ended.current ?? status);
    }
    return { status, newCheckpoints };
  });
}
