// PLACEHOLDER (Helper U): an in-memory stand-in for Helper B's datasets table, storage and validation
// function, shared by the stub router and the stub upload route (globalThis: Next bundles routes apart).
import "server-only";
import type { DatasetFormat, DatasetIssue, DatasetPreviewExample, DatasetReport, DatasetRule, DatasetStats } from "@/lib/datasets/types";
import { validateDatasetStream } from "@/lib/datasets/validator";

export type DatasetStatus = "uploading" | "validating" | "ready" | "error";

export interface PlaceholderDataset {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  fileName: string;
  fileSize: number;
  contentType: string;
  baseModelId: string | null;
  validationSplit: number | null;
  status: DatasetStatus;
  statusReason: string | null;
  format: DatasetFormat | null;
  tokenizer: string | null;
  stats: DatasetStats | null;
  preview: DatasetPreviewExample[];
  errors: DatasetIssue[];
  errorCounts: Partial<Record<DatasetRule, number>>;
  totalErrors: number;
  warnings: DatasetIssue[];
  warningCounts: Partial<Record<DatasetRule, number>>;
  totalWarnings: number;
  events: { id: string; fromStatus: DatasetStatus | null; toStatus: DatasetStatus; message: string; createdAt: Date }[];
  bytes: Uint8Array | null;
  createdAt: Date;
  updatedAt: Date;
  validatedAt: Date | null;
  deletedAt: Date | null;
}

const g = globalThis as typeof globalThis & { __radiumPlaceholderDatasets?: Map<string, PlaceholderDataset> };
export const store = (g.__radiumPlaceholderDatasets ??= new Map());

export function move(d: PlaceholderDataset, to: DatasetStatus, message: string) {
  d.events.push({ id: crypto.randomUUID(), fromStatus: d.status, toStatus: to, message, createdAt: new Date() });
  d.status = to;
  d.updatedAt = new Date();
}

function apply(d: PlaceholderDataset, r: DatasetReport) {
  Object.assign(d, {
    format: r.format,
    tokenizer: r.stats.tokenizer,
    stats: r.stats,
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

/** What the validation function does: stream the stored bytes through the validator. */
export function validateLater(d: PlaceholderDataset) {
  setTimeout(async () => {
    const bytes = d.bytes ?? new Uint8Array();
    const chunks = (async function* () {
      for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
    })();
    const report = await validateDatasetStream(chunks, {
      validationSplit: d.validationSplit ?? undefined,
      fileName: d.fileName,
    });
    apply(d, report);
    if (report.ok) move(d, "ready", "Validated");
    else {
      d.statusReason = `${report.totalErrors} error${report.totalErrors === 1 ? "" : "s"} found.`;
      move(d, "error", d.statusReason);
    }
  }, 1500);
}
