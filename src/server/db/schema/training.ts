import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { TrainingGraph } from "@/lib/training/graph";
import type { TrainingQuality } from "@/lib/training/quality";
import type { TrainingConfig } from "@/lib/training/schema";
import type { TrainingEstimate } from "@/lib/pricing/training";
import type { JobStage, TrainingEvent, TrainingStatus } from "@/lib/training-lifecycle";
import type { TrainingAdapterKind, TrainingCursor } from "@/server/providers/training/types";
import { datasets } from "./datasets";
import { users } from "./users";

/** The latest measurement, kept on the job so the monitor's header needs no metrics query. */
export interface TrainingCurrentMetrics {
  step: number;
  epoch: number;
  trainingLoss: number;
  /** The last evaluation's, which may be a few steps older than the training loss. */
  validationLoss: number | null;
  learningRate: number;
  gradientNorm: number | null;
  throughput: number | null;
  gpuUtilization: number | null;
  at: string;
}

/** A file kept in storage: `{userId}/{jobId}/checkpoint-<step>/<name>`. */
export interface StoredTrainingFile {
  name: string;
  size: number;
  contentType: string;
  key: string;
}

export interface TrainingSummary {
  dataset: { id: string; name: string };
  baseModel: { id: string; name: string };
  /** From the first provider activity (initializing) to completion; queueing excluded. */
  durationSeconds: number;
  costCents: number;
  gpu: { instanceTypeId: string; label: string; count: number };
  totalSteps: number;
  epochs: number;
  provider: TrainingAdapterKind;
}

/** A job still moving (see isLive in src/lib/training-lifecycle.ts): what the capacity caps count. */
export const LIVE_TRAINING_SQL = sql`status in ('queued', 'initializing', 'running', 'validating', 'saving')`;

/**
 * A user's fine-tuning job: the graph as submitted (deep-validated), the configuration read from it,
 * the server's own estimate (integer cents), and the live state the training function writes after
 * every provider poll. Status moves only through guarded writes (src/server/training/advance.ts),
 * each with a training_events row. The provider job id is stored after every provider call (the
 * simulator's changes on cancel).
 */
export const trainingJobs = pgTable(
  "training_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    // No action on delete: a dataset is soft-deleted, and a user's delete cascades to both tables.
    datasetId: uuid()
      .notNull()
      .references(() => datasets.id),
    // No FK: the catalog is reseeded; a job keeps its model id even if the entry goes.
    modelId: text().notNull(),
    graph: jsonb().notNull().$type<TrainingGraph>(),
    config: jsonb().notNull().$type<TrainingConfig>(),
    estimate: jsonb().notNull().$type<TrainingEstimate>(),
    estimatedTotalCents: bigint({ mode: "number" }).notNull(),
    status: text().$type<TrainingStatus>().notNull().default("queued"),
    stage: text().$type<JobStage>().notNull().default("queued"),
    /** 0..100 */
    progress: doublePrecision().notNull().default(0),
    currentEpoch: integer().notNull().default(0),
    totalEpochs: integer().notNull(),
    /** Completed optimizer steps, as the provider counts them (what is billed). */
    currentStep: integer().notNull().default(0),
    totalSteps: integer().notNull(),
    currentMetrics: jsonb().$type<TrainingCurrentMetrics>(),
    costSoFarCents: bigint({ mode: "number" }).notNull().default(0),
    /** Set once the job ends: what it is billed. */
    finalCostCents: bigint({ mode: "number" }),
    estimatedCompletionAt: timestamp({ withTimezone: true }),
    providerKind: text().$type<TrainingAdapterKind>(),
    providerJobId: text(),
    providerStatus: text(),
    /** How far the items of the provider's job have been recorded. */
    cursor: jsonb().$type<TrainingCursor>(),
    errorMessage: text(),
    idempotencyKey: text().notNull(),
    startedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    // Millisecond precision: the list's cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("training_jobs_user_idempotency_idx").on(t.userId, t.idempotencyKey),
    // The list's order exactly (DESC sorts nulls first, see deployments), with and without a status.
    index("training_jobs_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("training_jobs_user_status_created_idx").on(
      t.userId,
      t.status,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // What the capacity check counts (per user and overall): only live jobs are in it.
    index("training_jobs_live_idx").on(t.userId, t.estimatedCompletionAt).where(LIVE_TRAINING_SQL),
  ],
);

/** The timeline: one row per status change or notable step, written with the change it records. */
export const trainingEvents = pgTable(
  "training_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    jobId: uuid()
      .notNull()
      .references(() => trainingJobs.id, { onDelete: "cascade" }),
    fromStatus: text().$type<TrainingStatus>(),
    toStatus: text().$type<TrainingStatus>().notNull(),
    /** A lifecycle event, or a step that changes no status. */
    step: text().$type<TrainingEvent | "created" | "submitted" | "provider_cancelled">().notNull(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_events_job_idx").on(t.jobId, t.id)],
);

/**
 * Seed 003's MetricsPoint. The key is the job and the step, so a retried poll inserts nothing twice
 * (ON CONFLICT DO NOTHING) and the loss chart reads the primary key in order.
 */
export const trainingMetrics = pgTable(
  "training_metrics",
  {
    jobId: uuid()
      .notNull()
      .references(() => trainingJobs.id, { onDelete: "cascade" }),
    step: integer().notNull(),
    epoch: integer().notNull(),
    trainingLoss: doublePrecision().notNull(),
    validationLoss: doublePrecision(),
    learningRate: doublePrecision().notNull(),
    gradientNorm: doublePrecision(),
    /** Tokens per second. */
    throughput: doublePrecision(),
    /** Percent, 0..100. */
    gpuUtilization: doublePrecision(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.step] })],
);

/** The provider's log, line by line (seq is the provider's 0-based position, stable across polls). */
export const trainingLogs = pgTable(
  "training_logs",
  {
    jobId: uuid()
      .notNull()
      .references(() => trainingJobs.id, { onDelete: "cascade" }),
    seq: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    level: text().$type<"info" | "warning" | "error">().notNull(),
    message: text().notNull(),
    metadata: jsonb().$type<Record<string, string | number | boolean>>(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);

/** Every checkpoint is kept; its files are copied into storage once the provider has them. */
export const trainingCheckpoints = pgTable(
  "training_checkpoints",
  {
    id: uuid().primaryKey().defaultRandom(),
    jobId: uuid()
      .notNull()
      .references(() => trainingJobs.id, { onDelete: "cascade" }),
    step: integer().notNull(),
    epoch: integer().notNull(),
    trainingLoss: doublePrecision(),
    validationLoss: doublePrecision(),
    /** The adapter the job finished with. */
    isFinal: boolean().notNull().default(false),
    files: jsonb().$type<StoredTrainingFile[]>().notNull().default([]),
    /** When its files were stored (null: not yet, or the provider does not keep this one). */
    storedAt: timestamp({ withTimezone: true }),
    /** When the provider saved it. */
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("training_checkpoints_job_step_idx").on(t.jobId, t.step)],
);

/**
 * A trained adapter: made once per completed job (unique job), with its quality metrics, training
 * summary, configuration and files. Artifacts of the same base model and dataset form a lineage:
 * `parentArtifactId` is the user's previous live one, `version` one more than its. Deleting is soft.
 */
export const modelArtifacts = pgTable(
  "model_artifacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    jobId: uuid()
      .notNull()
      .unique()
      .references(() => trainingJobs.id, { onDelete: "cascade" }),
    datasetId: uuid()
      .notNull()
      .references(() => datasets.id),
    baseModelId: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(""),
    version: integer().notNull().default(1),
    parentArtifactId: uuid(),
    /** The checkpoint the files are (the final adapter). */
    checkpointStep: integer().notNull(),
    quality: jsonb().notNull().$type<TrainingQuality>(),
    summary: jsonb().notNull().$type<TrainingSummary>(),
    configuration: jsonb().notNull().$type<TrainingConfig>(),
    files: jsonb().notNull().$type<StoredTrainingFile[]>(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("model_artifacts_user_live_created_idx")
      .on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.deletedAt} is null`),
    index("model_artifacts_parent_idx").on(t.parentArtifactId),
  ],
);

export type TrainingJobRow = typeof trainingJobs.$inferSelect;
export type TrainingEventRow = typeof trainingEvents.$inferSelect;
export type TrainingMetricsRow = typeof trainingMetrics.$inferSelect;
export type TrainingLogRow = typeof trainingLogs.$inferSelect;
export type TrainingCheckpointRow = typeof trainingCheckpoints.$inferSelect;
export type ModelArtifactRow = typeof modelArtifacts.$inferSelect;
