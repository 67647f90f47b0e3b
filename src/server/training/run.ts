/**
 * The training function's two recurring steps: submit the job to the provider (once), and poll it
 * (recording what is new). Each reads the job row first, so a step retried or run late, after the
 * user cancelled, changes nothing. The provider job id is read from the row on every poll: the
 * simulator hands back a new one on cancel.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { isLive, type TrainingStatus } from "@/lib/training-lifecycle";
import { datasets, trainingEvents, trainingJobs } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import {
  INITIAL_CURSOR,
  isTerminalPhase,
  type TrainingAdapterKind,
  type TrainingCursor,
  type TrainingPhase,
  trainingProvider,
} from "@/server/providers/training";
import { pollIntervalMs, providerCall } from "./machine";
import { recordTrainingUpdate } from "./record";
import { trainingSpecOf } from "./spec";

const PROVIDER_NAMES: Record<TrainingAdapterKind, string> = {
  simulator: "the training simulator",
  together: "Together AI",
};

export interface SubmitOutcome {
  go: boolean;
  status: TrainingStatus | null;
  kind: TrainingAdapterKind | null;
  /** Where polling starts: the row's cursor when a run continues a job. */
  cursor: TrainingCursor;
}

export async function submitTrainingJob(db: Db, jobId: string): Promise<SubmitOutcome> {
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
  if (!job || !isLive(job.status))
    return { go: false, status: job?.status ?? null, kind: null, cursor: INITIAL_CURSOR };
  // A retried submit step, or a continuing run: the provider already has the job.
  if (job.providerJobId)
    return { go: true, status: job.status, kind: job.providerKind, cursor: job.cursor ?? INITIAL_CURSOR };

  const [dataset] = await db.select().from(datasets).where(eq(datasets.id, job.datasetId)).limit(1);
  if (!dataset) throw new Error(`The dataset of training job ${jobId} is gone.`);
  const provider = trainingProvider();
  const handle = await providerCall(() => provider.submit(trainingSpecOf(job, dataset)));
  await db.transaction(async (tx) => {
    const [stored] = await tx
      .update(trainingJobs)
      .set({ providerKind: provider.kind, providerJobId: handle.providerJobId, providerStatus: handle.providerStatus })
      .where(and(eq(trainingJobs.id, jobId), isNull(trainingJobs.providerJobId)))
      .returning({ status: trainingJobs.status });
    if (stored) {
      await tx.insert(trainingEvents).values({
        jobId,
        fromStatus: stored.status,
        toStatus: stored.status,
        step: "submitted",
        message: `Submitted to ${PROVIDER_NAMES[provider.kind]}`,
      });
    }
  });

  // The user may have cancelled while the provider was answering: stop what was just started.
  const [now] = await db
    .select({ status: trainingJobs.status })
    .from(trainingJobs)
    .where(eq(trainingJobs.id, jobId))
    .limit(1);
  if (now?.status === "cancelled") {
    const stopped = await providerCall(() => provider.cancel(handle.providerJobId));
    await db
      .update(trainingJobs)
      .set({ providerJobId: stopped.providerJobId, providerStatus: stopped.providerStatus })
      .where(eq(trainingJobs.id, jobId));
    return { go: false, status: now.status, kind: provider.kind, cursor: INITIAL_CURSOR };
  }
  return { go: true, status: now?.status ?? null, kind: provider.kind, cursor: INITIAL_CURSOR };
}

export interface PollOutcome {
  /** The provider's phase (null: not asked, the job had ended). */
  phase: TrainingPhase | null;
  status: TrainingStatus | null;
  cursor: TrainingCursor;
  newCheckpoints: number;
  /** Nothing more to poll: the provider's job has ended, or ours has. */
  done: boolean;
  nextPollMs: number;
}

export async function pollTrainingJob(db: Db, jobId: string, cursor: TrainingCursor): Promise<PollOutcome> {
  const [job] = await db
    .select({
      status: trainingJobs.status,
      providerJobId: trainingJobs.providerJobId,
      providerKind: trainingJobs.providerKind,
    })
    .from(trainingJobs)
    .where(eq(trainingJobs.id, jobId))
    .limit(1);
  const providerJobId = job?.providerJobId;
  if (!job || !providerJobId || !isLive(job.status)) {
    return { phase: null, status: job?.status ?? null, cursor, newCheckpoints: 0, done: true, nextPollMs: 0 };
  }
  const provider = trainingProvider();
  const u = await providerCall(() => provider.poll(providerJobId, cursor));
  const recorded = await recordTrainingUpdate(db, jobId, u);
  return {
    phase: u.phase,
    status: recorded.status,
    cursor: u.cursor,
    newCheckpoints: recorded.newCheckpoints,
    done: isTerminalPhase(u.phase) || recorded.status === null || !isLive(recorded.status),
    nextPollMs: pollIntervalMs(job.providerKind ?? provider.kind, u.etaSeconds),
  };
}
