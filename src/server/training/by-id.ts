/** One of the user's training jobs, with its timeline and the artifact it produced. */
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { datasets, modelArtifacts, models, trainingEvents, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { type TrainingJobDetail, timelineEntry } from "./view";

export async function trainingJobById(db: DbOrTx, userId: string, id: string): Promise<TrainingJobDetail | null> {
  const j = trainingJobs;
  const [row] = await db
    .select({
      job: j,
      datasetName: datasets.name,
      modelName: sql<string>`coalesce(${models.name}, ${j.modelId})`,
      // A deleted artifact is gone for the user: the job then shows none.
      artifactId: sql<string | null>`(select ${modelArtifacts.id} from ${modelArtifacts} where ${modelArtifacts.jobId} = ${j.id} and ${modelArtifacts.deletedAt} is null)`,
    })
    .from(j)
    .innerJoin(datasets, eq(datasets.id, j.datasetId))
    .leftJoin(models, eq(models.id, j.modelId))
    .where(and(eq(j.id, id), eq(j.userId, userId)))
    .limit(1);
  if (!row) return null;
  const events = await db.select().from(trainingEvents).where(eq(trainingEvents.jobId, id)).orderBy(asc(trainingEvents.id));
  const job = row.job;
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    model: { id: job.modelId, name: row.modelName },
    dataset: { id: job.datasetId, name: row.datasetName },
    costSoFarCents: job.costSoFarCents,
    estimatedTotalCents: job.estimatedTotalCents,
    createdAt: job.createdAt,
    config: job.config,
    estimate: job.estimate,
    currentEpoch: job.currentEpoch,
    totalEpochs: job.totalEpochs,
    currentStep: job.currentStep,
    totalSteps: job.totalSteps,
    currentMetrics: job.currentMetrics,
    finalCostCents: job.finalCostCents,
    estimatedCompletionAt: job.estimatedCompletionAt,
    providerKind: job.providerKind,
    artifactId: row.artifactId,
    errorMessage: job.errorMessage,
    startedAt: job.startedAt,
    completedAt: job.completedAt,
    updatedAt: job.updatedAt,
    events: events.map(timelineEntry),
  };
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
