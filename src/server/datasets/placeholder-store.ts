// PLACEHOLDER (Helper U): an in-memory stand-in for Helper B's datasets table, storage and validation
// function, shared by the stub router and the stub upload route (globalThis: Next bundles routes apart).
// The shapes mirror B's src/server/datasets/view.ts (DatasetListItem, DatasetDetail). Dropped at merge.
import "server-only";
import type { DatasetEvent, DatasetStatus } from "@/lib/dataset-lifecycle";
import type { DatasetFormat, DatasetIssue, DatasetPreviewExample, DatasetReport, DatasetRule, DatasetStats } from "@/lib/datasets/types";
import { validateDatasetStream } from "@/lib/datasets/validator";

export interface DatasetListItem {
  id: string;
  name: string;
  description: string;
  fileName: string;
  fileSize: number;
  format: DatasetFormat | null;
  status: DatasetStatus;
  statusReason: string | null;
  baseModelId: string | null;
  examples: number | null;
  totalTokens: number | null;
  totalErrors: number;
  totalWarnings: number;
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
  contextLength: number | null;
  validationSplit: number | null;
  tokenizer: string | null;
  stats: DatasetStats | null;
  preview: DatasetPreviewExample[];
  errors: DatasetIssue[];
  errorCounts: Partial<Record<DatasetRule, number>>;
  warnings: DatasetIssue[];
  warningCounts: Partial<Record<DatasetRule, number>>;
  uploadedAt: Date | null;
  validatedAt: Date | null;
  events: DatasetTimelineEntry[];
}

export interface PlaceholderDataset extends DatasetDetail {
  userId: string;
  bytes: Uint8Array | null;
  deletedAt: Date | null;
}

const g = globalThis as typeof globalThis & { __radiumPlaceholderDatasets?: Map<string, PlaceholderDataset>; __radiumEventId?: number };
export const store = (g.__radiumPlaceholderDatasets ??= new Map());

export function logEvent(d: PlaceholderDataset, to: DatasetStatus, step: DatasetEvent | "created", message: string) {
  g.__radiumEventId = (g.__radiumEventId ?? 0) + 1;
  d.events.push({ id: g.__radiumEventId, fromStatus: step === "created" ? null : d.status, toStatus: to, step, message, createdAt: new Date() });
  d.status = to;
  d.updatedAt = new Date();
}

export function listItem(d: PlaceholderDataset): DatasetListItem {
  const { id, name, description, fileName, fileSize, format, status, statusReason, baseModelId, examples, totalTokens } = d;
  return { id, name, description, fileName, fileSize, format, status, statusReason, baseModelId, examples, totalTokens, totalErrors: d.totalErrors, totalWarnings: d.totalWarnings, validatedBytes: d.validatedBytes, createdAt: d.createdAt, updatedAt: d.updatedAt };
}

export function detail(d: PlaceholderDataset): DatasetDetail {
  const { bytes: _b, userId: _u, deletedAt: _d, ...rest } = d;
  return rest;
}

function apply(d: PlaceholderDataset, r: DatasetReport) {
  Object.assign(d, {
    format: r.format,
    tokenizer: r.stats.tokenizer,
    stats: r.stats,
    examples: r.stats.examples,
    totalTokens: r.stats.totalTokens,
    preview: r.preview,
    errors: r.errors,
    errorCounts: r.errorCounts,
    totalErrors: r.totalErrors,
    warnings: r.warnings,
    warningCounts: r.warningCounts,
    totalWarnings: r.totalWarnings,
    validatedAt: new Date(),
  });
}

/** Confirms once (idempotent, like B's), then does what the validation function does: streams the bytes through the validator. */
export function confirmAndValidate(d: PlaceholderDataset) {
  if (d.status !== "uploading") return;
  d.uploadedAt = new Date();
  logEvent(d, "validating", "upload_confirmed", "Upload complete; validating");
  const bytes = d.bytes ?? new Uint8Array();
  // Slowed down a little so the live progress can be seen, as it would be for a large file.
  const chunks = (async function* () {
    const step = Math.max(65536, Math.ceil(bytes.length / 8));
    for (let i = 0; i < bytes.length; i += step) {
      await new Promise((r) => setTimeout(r, 150));
      yield bytes.subarray(i, i + step);
    }
  })();
  void validateDatasetStream(chunks, { validationSplit: d.validationSplit ?? undefined, contextLength: d.contextLength ?? undefined, fileName: d.fileName }, (p) => {
    d.validatedBytes = p.bytes;
  }).then((report) => {
    apply(d, report);
    if (report.ok) logEvent(d, "ready", "validation_passed", "Validated");
    else {
      d.statusReason = `${report.totalErrors} error${report.totalErrors === 1 ? "" : "s"} found.`;
      logEvent(d, "error", "validation_failed", d.statusReason);
    }
  });
}
