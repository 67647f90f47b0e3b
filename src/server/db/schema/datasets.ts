import { sql } from "drizzle-orm";
import { bigint, bigserial, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DatasetFormat, DatasetIssue, DatasetPreviewExample, DatasetRule, DatasetStats } from "@/lib/datasets/types";
import { users } from "./users";

export type DatasetStorageKind = "local" | "uploadthing";
export type DatasetIssueCounts = Partial<Record<DatasetRule, number>>;

/**
 * A user's fine-tuning dataset. The file lives in storage under `storage_key`
 * (`{userId}/{datasetId}/{file}`); we keep the key, never a URL. Status moves only through guarded
 * writes (src/server/datasets/advance.ts), each with a dataset_events row. The validation function
 * fills format, counts, stats, preview and issues; deleting sets `deleted_at`, and the file is
 * removed later (`file_removed_at`).
 */
export const datasets = pgTable(
  "datasets",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    // As the user's file was named; the storage key carries a sanitized form.
    fileName: text().notNull(),
    contentType: text().notNull(),
    // Declared when the upload starts; the bytes that arrive must match it.
    fileSize: bigint({ mode: "number" }).notNull(),
    storageKind: text().$type<DatasetStorageKind>().notNull(),
    storageKey: text().notNull().unique(),
    status: text().$type<DatasetStatus>().notNull().default("uploading"),
    // Why it is in error (the first problem, or why validation could not run).
    statusReason: text(),
    format: text().$type<DatasetFormat>(),
    // No FK: the catalog is reseeded; a dataset keeps the model id it was checked against.
    baseModelId: text(),
    // The model's context window when validation ran (examples over it are flagged).
    contextLength: integer(),
    validationSplit: doublePrecision(),
    // How far validation has read, for the live progress while validating.
    validatedBytes: bigint({ mode: "number" }).notNull().default(0),
    exampleCount: integer(),
    tokenCount: bigint({ mode: "number" }),
    totalErrors: integer().notNull().default(0),
    totalWarnings: integer().notNull().default(0),
    stats: jsonb().$type<DatasetStats>(),
    preview: jsonb().$type<DatasetPreviewExample[]>(),
    // The first issues in file order (the validator keeps 100 of each); the counts cover all of them.
    errors: jsonb().$type<DatasetIssue[]>(),
    errorCounts: jsonb().$type<DatasetIssueCounts>(),
    warnings: jsonb().$type<DatasetIssue[]>(),
    warningCounts: jsonb().$type<DatasetIssueCounts>(),
    uploadedAt: timestamp({ withTimezone: true }),
    validatedAt: timestamp({ withTimezone: true }),
    // Millisecond precision: the list's cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp({ withTimezone: true }),
    fileRemovedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // The list's default order exactly (DESC sorts nulls first), over the user's live datasets.
    index("datasets_user_live_created_idx")
      .on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.deletedAt} is null`),
    // Deleted datasets whose file is still stored: what the purge sweeps.
    index("datasets_file_purge_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null and ${t.fileRemovedAt} is null`),
  ],
);

/** The timeline: one row per status change or notable step, written with the change it records. */
export const datasetEvents = pgTable(
  "dataset_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    datasetId: uuid()
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    fromStatus: text().$type<DatasetStatus>(),
    toStatus: text().$type<DatasetStatus>().notNull(),
    step: text().notNull(),
    message: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dataset_events_dataset_idx").on(t.datasetId, t.id)],
);

export type DatasetRow = typeof datasets.$inferSelect;
export type DatasetEventRow = typeof datasetEvents.$inferSelect;
