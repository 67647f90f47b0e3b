/** One of the user's training jobs, with its timeline and the artifact it produced. */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import { datasets, modelArtifacts, models, trainingEvents, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { TrainingJobDetail } from "./view";

interface EventJson {
  id: number;
  fromStatus: TrainingStatus | null;
  toStatus: TrainingStatus;
  step: string;
  message: string | null;
  createdAt: string;
}

const e = trainingEvents;
const j = trainingJobs;

/** The timeline as one JSON value, so the monitor's every-second poll costs one query. */
const timeline = sql<EventJson[]>`(select coalesce(json_agg(json_build_object(
  'id', ${e.id}, 'fromStatus', ${e.fromStatus}, 'toStatus', ${e.toStatus}, 'step', ${e.step},
  'message', ${e.message}, 'createdAt', ${e.createdAt}) order by ${e.id}), '[]'::json)
  from ${e} where ${e.jobId} = ${j.id})`;

// A deleted artifact is gone for the user: the job then shows none.
const artifactId = sql<string | null>`(select ${modelArtifacts.id} from ${modelArtifacts}
  where ${modelArtifacts.jobId} = ${j.id} and ${modelArtifacts.deletedAt} is null)`;

export async function trainingJobById(db: DbOrTx, userId: string, id: string): Promise<TrainingJobDetail | null> {
  const [row] = await db
    .select({
      id: j.id,
      name: j.name,
      status: j.status,
      stage: j.stage,
      progress: j.progress,
      model: { id: j.modelId, name: sql<string>`coalesce(${models.name}, ${j.modelId})` },
      dataset: { id: j.datasetId, name: datasets.name },
      costSoFarCents: j.costSoFarCents,
      estimatedTotalCents: j.estimatedTotalCents,
      createdAt: j.createdAt,
      config: j.config,
      estimate: j.estimate,
      currentEpoch: j.currentEpoch,
      totalEpochs: j.totalEpochs,
      currentStep: j.currentStep,
      totalSteps: j.totalSteps,
      currentMetrics: j.currentMetrics,
      finalCostCents: j.finalCostCents,
      estimatedCompletionAt: j.estimatedCompletionAt,
      providerKind: j.providerKind,
      artifactId,
      errorMessage: j.errorMessage,
      startedAt: j.startedAt,
      completedAt: j.completedAt,
      updatedAt: j.updatedAt,
      events: timeline,
    })
    .from(j)
    .innerJoin(datasets, eq(datasets.id, j.datasetId))
    .leftJoin(models, eq(models.id, j.modelId))
    .where(and(eq(j.id, id), eq(j.userId, userId)))
    .limit(1);
  if (!row) return null;
  return { ...row, events: row.events.map((ev) => ({ ...ev, createdAt: new Date(ev.createdAt) })) };
}

/** The job's id if it is the user's (the series procedures check ownership with it). */
export async function ownsTrainingJob(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingJobs.id })
    .from(trainingJobs)
    .where(and(eq(trainingJobs.id, id), eq(trainingJobs.userId, userId)))
    .limit(1);
  return Boolean(row);
}
