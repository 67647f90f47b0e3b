import type { TrainingFile, TrainingHyperparameters, TrainingSpec } from "@/server/providers/training/types";

/** A chat-format JSONL dataset of `n` examples, as the datasets module stores them. */
export function jsonl(n: number, seed = "x"): Uint8Array {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      messages: [
        { role: "user", content: `Question ${seed}-${i}: how do I reset my password on the support portal?` },
        { role: "assistant", content: `Answer ${i}: open Settings, choose Security, then Reset password and follow the email link.` },
      ],
    }),
  );
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** A dataset file whose reads are counted (a provider reads it at most once per submit). */
export function datasetFile(bytes: Uint8Array, overrides: Partial<TrainingFile> = {}): TrainingFile & { reads: number } {
  const file = {
    storageKey: "user_1/datasets/ds_1/train.jsonl",
    fileName: "train.jsonl",
    format: "jsonl" as const,
    reads: 0,
    async read() {
      file.reads++;
      return bytes;
    },
    ...overrides,
  };
  return file;
}

export const BALANCED: TrainingHyperparameters = {
  learningRate: 2e-4,
  batchSize: 8,
  epochs: 5,
  loraRank: 16,
  loraAlpha: 32,
  loraDropout: 0.1,
  warmupRatio: 0.05,
  maxSeqLength: 2048,
};

/** A training job as the server would hand it to a provider. */
export function trainingSpec(
  overrides: Partial<Omit<TrainingSpec, "hyperparameters">> & { hyperparameters?: Partial<TrainingHyperparameters> } = {},
): TrainingSpec {
  const { hyperparameters, ...rest } = overrides;
  return {
    jobId: "job_01",
    baseModel: { repository: "meta-llama/Llama-3.1-8B-Instruct" },
    hyperparameters: { ...BALANCED, ...hyperparameters },
    gpu: { type: "A100-80GB", count: 2 },
    dataset: datasetFile(jsonl(400)),
    ...rest,
  };
}
