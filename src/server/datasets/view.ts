/** What a client may see of a dataset: never its storage key or a link (links are made on request). */
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DatasetFormat, DatasetIssue, DatasetPreviewExample, DatasetStats } from "@/lib/datasets/types";
import type { DatasetEventRow, DatasetIssueCounts, DatasetRow } from "@/server/db/schema";

/** A row of the datasets list: what the table and cards show, including live validation progress. */
export interface DatasetListItem {
  id: string;
  name: string;
  description: string;
  fileName: string;
  /** Bytes. */
  fileSize: number;
  format: DatasetFormat | null;
  status: DatasetStatus;
  statusReason: string | null;
  baseModelId: string | null;
  /** Null until validation has counted them. */
  examples: number | null;
  totalTokens: number | null;
  totalErrors: number;
  totalWarnings: number;
  /** How much of the file validation has read (compare with fileSize while validating). */
  validatedBytes: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface DatasetTimelineEntry {
  id: number;
  fromStatus: DatasetStatus | null;
  toStatus: DatasetStatus;
  step: string;
  message: string | null;
  createdAt: Date;
}

export interface DatasetDetail extends DatasetListItem {
  contentType: string;
  /** The base model's context length the examples were checked against. */
  contextLength: number | null;
  validationSplit: number | null;
  /** The tokenizer the token counts come from (null until validated). */
  tokenizer: string | null;
  stats: DatasetStats | null;
  /** The first three valid examples. */
  preview: DatasetPreviewExample[];
  /** The first errors and warnings in file order, line-numbered; the counts cover all of them. */
  errors: DatasetIssue[];
  errorCounts: DatasetIssueCounts;
  warnings: DatasetIssue[];
  warningCounts: DatasetIssueCounts;
  uploadedAt: Date | null;
  validatedAt: Date | null;
  /** The timeline, oldest first. */
  events: DatasetTimelineEntry[];
}

/** The columns a list row is made of (a page reads nothing else: stats and issues stay behind). */
export type DatasetListRow = Pick<
  DatasetRow,
  | "id"
  | "name"
  | "description"
  | "fileName"
  | "fileSize"
  | "format"
  | "status"
  | "statusReason"
  | "baseModelId"
  | "exampleCount"
  | "tokenCount"
  | "totalErrors"
  | "totalWarnings"
  | "validatedBytes"
  | "createdAt"
  | "updatedAt"
>;

export function listItemOf(row: DatasetListRow): DatasetListItem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    fileName: row.fileName,
    fileSize: row.fileSize,
    format: row.format,
    status: row.status,
    statusReason: row.statusReason,
    baseModelId: row.baseModelId,
    examples: row.exampleCount,
    totalTokens: row.tokenCount,
    totalErrors: row.totalErrors,
    totalWarnings: row.totalWarnings,
    validatedBytes: row.validatedBytes,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function timelineEntry(row: DatasetEventRow): DatasetTimelineEntry {
  return { id: row.id, fromStatus: row.fromStatus, toStatus: row.toStatus, step: row.step, message: row.message, createdAt: row.createdAt };
}

export function detailOf(row: DatasetRow, events: DatasetEventRow[]): DatasetDetail {
  return {
    ...listItemOf(row),
    contentType: row.contentType,
    contextLength: row.contextLength,
    validationSplit: row.validationSplit,
    tokenizer: row.stats?.tokenizer ?? null,
    stats: row.stats,
    preview: row.preview ?? [],
    errors: row.errors ?? [],
    errorCounts: row.errorCounts ?? {},
    warnings: row.warnings ?? [],
    warningCounts: row.warningCounts ?? {},
    uploadedAt: row.uploadedAt,
    validatedAt: row.validatedAt,
    events: events.map(timelineEntry),
  };
}
