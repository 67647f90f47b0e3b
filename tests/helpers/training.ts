/** Fine-tuning fixtures: a ready dataset row (as the validation function leaves it) and training graphs. */
import crypto from "node:crypto";
import type { DatasetStats } from "@/lib/datasets/types";
import { buildTrainingGraph, type TrainingGraph } from "@/lib/training/graph";
import { defaultTrainingConfig, type TrainingConfig } from "@/lib/training/schema";
import { type DatasetRow, datasets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";

/** Fine-tunable (chat, 8B, weights available) and small enough for one A100 at 16 bits. */
export const TRAINABLE_MODEL = "meta-llama-3.1-8b-instruct";

export function datasetStats(examples = 1000, tokensPerExample = 300): DatasetStats {
  const validation = Math.round(examples / 10);
  return {
    bytes: examples * tokensPerExample * 4,
    lines: examples,
    examples,
    trainExamples: examples - validation,
    validationExamples: validation,
    tokenizer: "o200k_base (gpt-tokenizer)",
    totalTokens: examples * tokensPerExample,
    tokensPerExample: {
      min: 10,
      max: tokensPerExample * 3,
      mean: tokensPerExample,
      p50: tokensPerExample,
      p90: tokensPerExample * 2,
    },
    histogram: [{ from: 0, to: 4096, count: examples }],
    turnsPerExample: { min: 2, max: 4, mean: 3 },
    roles: { system: examples, user: examples, assistant: examples, tool: 0 },
    duplicates: 0,
  };
}

/** A dataset of the user's, ready to train on (or in another status, with no statistics). */
export async function insertDataset(
  db: Db,
  userId: string,
  over: { status?: DatasetRow["status"]; name?: string; examples?: number; deleted?: boolean } = {},
): Promise<DatasetRow> {
  const id = crypto.randomUUID();
  const status = over.status ?? "ready";
  const ready = status === "ready";
  const [row] = await db
    .insert(datasets)
    .values({
      id,
      userId,
      name: over.name ?? `support-chats-${id.slice(0, 6)}`,
      fileName: "support-chats.jsonl",
      contentType: "application/jsonl",
      fileSize: 1_200_000,
      storageKind: "local",
      storageKey: `${userId}/${id}/support-chats.jsonl`,
      status,
      format: ready ? "openai-chat" : null,
      exampleCount: ready ? (over.examples ?? 1000) : null,
      tokenCount: ready ? (over.examples ?? 1000) * 300 : null,
      stats: ready ? datasetStats(over.examples) : null,
      validatedAt: ready ? new Date() : null,
      ...(over.deleted ? { deletedAt: new Date() } : {}),
    })
    .returning();
  if (!row) throw new Error("dataset not inserted");
  return row;
}

export function trainingConfig(datasetId: string, over: Partial<TrainingConfig> = {}): TrainingConfig {
  return { ...defaultTrainingConfig, datasetId, baseModelId: TRAINABLE_MODEL, ...over };
}

export function trainingGraph(userId: string, datasetId: string, over: Partial<TrainingConfig> = {}): TrainingGraph {
  return buildTrainingGraph(trainingConfig(datasetId, over), userId);
}

export const idempotencyKey = () => `idem_${crypto.randomUUID()}`;

/**
 * Runs a job to its end the way train-model does, without Inngest: submit, poll until done (the
 * simulator at TRAINING_SIMULATOR_SPEED=0 is done at once), store checkpoints, complete.
 */
export async function trainDirectly(db: Db, jobId: string) {
  const { submitTrainingJob, pollTrainingJob } = await import("@/server/training/run");
  const { storePendingCheckpoints } = await import("@/server/training/files");
  const { completeTrainingJob } = await import("@/server/training/finalize");
  const submitted = await submitTrainingJob(db, jobId);
  if (!submitted.go) throw new Error(`job ${jobId} was not submitted (${submitted.status})`);
  let cursor = submitted.cursor;
  for (let i = 0; i < 100; i++) {
    const polled = await pollTrainingJob(db, jobId, cursor);
    cursor = polled.cursor;
    if (polled.newCheckpoints > 0) await storePendingCheckpoints(db, jobId);
    if (polled.done)
      return polled.phase === "completed"
        ? completeTrainingJob(db, jobId)
        : { status: polled.status, artifactId: null };
  }
  throw new Error(`job ${jobId} did not finish`);
}
