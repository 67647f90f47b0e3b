/**
 * A job whose provider reports completion waits in `saving` until this has run: every checkpoint
 * stored, the final adapter's files in storage, the model artifact made (quality from the recorded
 * metrics, training summary, configuration, lineage), and in one transaction the artifact row, the
 * move to completed with the final cost, and the notification. Retried, it makes nothing twice: one
 * artifact per job (unique), a guarded move, a de-duplicated notification.
 */
import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { instanceTypeById } from "@/lib/pricing/instance-types";
import { trainingQuality } from "@/lib/training/quality";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import {
  datasets,
  modelArtifacts,
  models,
  type StoredTrainingFile,
  type TrainingJobRow,
  type TrainingSummary,
  trainingCheckpoints,
  trainingJobs,
  trainingMetrics,
} from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import { trainingProvider } from "@/server/providers/training";
import { advanceJobIn } from "./advance";
import { costCents } from "./billing";
import { finalFileKey, storeFiles, storePendingCheckpoints } from "./files";
import { providerCall } from "./machine";
import { notifyTrainingCompleted } from "./notify";

export interface CompleteResult {
  status: TrainingStatus | null;
  artifactId: string | null;
}

/** The final adapter's files: the final checkpoint's when it has them, else downloaded now. */
async function finalFiles(db: Db, job: TrainingJobRow): Promise<{ step: number; files: StoredTrainingFile[] }> {
  const [final] = await db
    .select({ step: trainingCheckpoints.step, files: trainingCheckpoints.files })
    .from(trainingCheckpoints)
    .where(and(eq(trainingCheckpoints.jobId, job.id), eq(trainingCheckpoints.isFinal, true)))
    .limit(1);
  if (final && final.files.length > 0) return final;
  const providerJobId = job.providerJobId;
  if (!providerJobId) throw new Error(`Training job ${job.id} completed without a provider job id`);
  const downloaded = await providerCall(() => trainingProvider().downloadCheckpoint(providerJobId));
  return {
    step: job.totalSteps,
    files: await storeFiles(downloaded, (name) => finalFileKey(job.userId, job.id, name)),
  };
}

/** The user's latest live artifact of the same base model and dataset: the new one's parent. */
async function parentOf(tx: DbOrTx, job: TrainingJobRow) {
  const [parent] = await tx
    .select({ id: modelArtifacts.id, version: modelArtifacts.version })
    .from(modelArtifacts)
    .where(
      and(
        eq(modelArtifacts.userId, job.userId),
        eq(modelArtifacts.baseModelId, job.modelId),
        eq(modelArtifacts.datasetId, job.datasetId),
        isNull(modelArtifacts.deletedAt),
      ),
    )
    .orderBy(desc(modelArtifacts.createdAt), desc(modelArtifacts.id))
    .limit(1);
  return parent ?? null;
}

async function summaryOf(db: Db, job: TrainingJobRow, costCentsTotal: number): Promise<TrainingSummary> {
  const [names] = await db
    .select({ dataset: datasets.name, model: models.name })
    .from(datasets)
    .leftJoin(models, eq(models.id, job.modelId))
    .where(eq(datasets.id, job.datasetId))
    .limit(1);
  const started = job.startedAt ?? job.createdAt;
  const type = instanceTypeById(job.config.gpu.instanceTypeId);
  return {
    dataset: { id: job.datasetId, name: names?.dataset ?? job.datasetId },
    baseModel: { id: job.modelId, name: names?.model ?? job.modelId },
    durationSeconds: Math.max(0, Math.round((Date.now() - started.getTime()) / 1000)),
    costCents: costCentsTotal,
    gpu: {
      instanceTypeId: job.config.gpu.instanceTypeId,
      label: type?.label ?? job.config.gpu.instanceTypeId,
      count: job.config.gpu.gpuCount,
    },
    totalSteps: job.totalSteps,
    epochs: job.totalEpochs,
    provider: job.providerKind ?? "simulator",
  };
}

async function existingArtifact(db: DbOrTx, jobId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: modelArtifacts.id })
    .from(modelArtifacts)
    .where(eq(modelArtifacts.jobId, jobId))
    .limit(1);
  return row?.id ?? null;
}

export async function completeTrainingJob(db: Db, jobId: string): Promise<CompleteResult> {
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, jobId)).limit(1);
  if (!job) return { status: null, artifactId: null };
  if (job.status !== "saving") return { status: job.status, artifactId: await existingArtifact(db, jobId) };

  await storePendingCheckpoints(db, jobId, { last: true });
  const final = await finalFiles(db, job);
  const points = await db
    .select({
      step: trainingMetrics.step,
      trainingLoss: trainingMetrics.trainingLoss,
      validationLoss: trainingMetrics.validationLoss,
    })
    .from(trainingMetrics)
    .where(eq(trainingMetrics.jobId, jobId))
    .orderBy(asc(trainingMetrics.step));
  const quality = trainingQuality(points);
  const total = costCents(job.estimate, { hardware: true, step: job.totalSteps, totalSteps: job.totalSteps });
  const summary = await summaryOf(db, job, total);

  return db.transaction(async (tx) => {
    const parent = await parentOf(tx, job);
    const version = (parent?.version ?? 0) + 1;
    const [made] = await tx
      .insert(modelArtifacts)
      .values({
        userId: job.userId,
        jobId,
        datasetId: job.datasetId,
        baseModelId: job.modelId,
        name: `${job.name} v${version}`,
        version,
        parentArtifactId: parent?.id ?? null,
        checkpointStep: final.step,
        quality,
        summary,
        configuration: job.config,
        files: final.files,
      })
      .onConflictDoNothing({ target: modelArtifacts.jobId })
      .returning({ id: modelArtifacts.id });
    const artifactId = made?.id ?? (await existingArtifact(tx, jobId));
    const moved = await advanceJobIn(tx, jobId, "saving", "completed", {
      message: `Adapter saved: convergence ${quality.convergence.label.toLowerCase()}`,
      patch: { costSoFarCents: total, finalCostCents: total, currentStep: job.totalSteps },
    });
    if (moved.ok) {
      await notifyTrainingCompleted(
        tx,
        { userId: job.userId, jobId, name: job.name },
        total,
        quality.convergence.label,
      );
    }
    return { status: moved.ok ? moved.to : moved.current, artifactId };
  });
}
