/** The provider's TrainingSpec for a stored job: its configuration, its base model and its dataset file. */
import "server-only";
import type { DatasetRow, TrainingJobRow } from "@/server/db/schema";
import { modelRepository } from "@/server/deployments/model-repository";
import type { TrainingFile, TrainingSpec } from "@/server/providers/training";
import { getStorage } from "@/server/storage";

function fileFormat(row: DatasetRow): TrainingFile["format"] {
  return row.format === "csv" ? "csv" : "jsonl";
}

/** The dataset's file as a provider reads it; its statistics spare the simulator reading it at all. */
export function trainingFileOf(row: DatasetRow): TrainingFile {
  return {
    storageKey: row.storageKey,
    fileName: row.fileName,
    format: fileFormat(row),
    read: async () => (await (await getStorage()).read(row.storageKey)).body,
    ...(row.stats ? { examples: row.stats.examples, tokens: row.stats.totalTokens } : {}),
  };
}

export function trainingSpecOf(job: TrainingJobRow, dataset: DatasetRow): TrainingSpec {
  const h = job.config.hyperparameters;
  return {
    jobId: job.id,
    baseModel: { repository: modelRepository(job.modelId) },
    hyperparameters: {
      learningRate: h.learningRate,
      batchSize: h.batchSize,
      epochs: h.epochs,
      loraRank: h.loraRank,
      loraAlpha: h.loraAlpha,
      loraDropout: h.loraDropout,
      warmupRatio: h.warmupRatio,
      maxSeqLength: h.maxSequenceLength,
    },
    gpu: { type: job.config.gpu.instanceTypeId, count: job.config.gpu.gpuCount },
    dataset: trainingFileOf(dataset),
  };
}
