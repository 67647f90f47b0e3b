/**
 * Where a dataset's bytes go, and what may be uploaded: shared by the router (which checks before it
 * hands out a target), the places the bytes arrive (which check again) and the upload form.
 */
import { z } from "zod";
import { safeText } from "@/lib/zod/text";

/** What `datasets.createUpload` hands the browser. */
export type UploadTarget =
  /** PUT the file's bytes to `url` (signed, expiring at `expiresAt`). */
  | { kind: "local"; url: string; method: "PUT"; expiresAt: string }
  /** Upload with uploadthing's client to this file route, with this input. */
  | { kind: "uploadthing"; endpoint: "datasetFile"; input: { datasetId: string } };

/** The default cap on a dataset file (DATASET_MAX_BYTES overrides it): 1 GB. */
export const DEFAULT_DATASET_MAX_BYTES = 1024 ** 3;

/** File name endings a dataset may have; the content decides the format. */
export const DATASET_FILE_EXTENSIONS = [".jsonl", ".ndjson", ".json", ".csv"] as const;

/**
 * Content types browsers and tools give such files. An empty type is common (browsers know no type
 * for .jsonl), and octet-stream says nothing either; both are accepted and the extension decides.
 */
export const DATASET_CONTENT_TYPES = [
  "",
  "application/octet-stream",
  "application/jsonl",
  "application/x-jsonlines",
  "application/jsonlines",
  "application/x-ndjson",
  "application/ndjson",
  "application/json",
  "text/jsonl",
  "text/csv",
  "application/csv",
  "text/plain",
  "application/vnd.ms-excel", // Windows names .csv files this way
] as const;

/** "text/csv; charset=utf-8" → "text/csv". */
export function baseContentType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

export function hasDatasetExtension(fileName: string): boolean {
  const lower = fileName.trim().toLowerCase();
  return DATASET_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}

export function isDatasetContentType(contentType: string): boolean {
  return (DATASET_CONTENT_TYPES as readonly string[]).includes(baseContentType(contentType));
}

/** "1 GB", "1.5 MB", "512 bytes": binary units, as the limits are set. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value >= 100 || Number.isInteger(value) ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

export const TYPE_MESSAGE = `Upload a JSONL or CSV file (${DATASET_FILE_EXTENSIONS.join(", ")}).`;

export function tooLargeMessage(size: number, maxBytes: number): string {
  const [shown, limit] = [formatBytes(size), formatBytes(maxBytes)];
  // Just over the limit both round to the same figure: then the exact counts say what is wrong.
  if (shown === limit) {
    const n = new Intl.NumberFormat("en");
    return `The file is ${n.format(size)} bytes; a dataset can be at most ${n.format(maxBytes)} bytes (${limit}).`;
  }
  return `The file is ${shown}; a dataset can be at most ${limit}.`;
}

export interface DatasetFileIssue {
  path: "fileName" | "fileSize" | "contentType";
  message: string;
}

/** Everything wrong with a file before a byte of it is sent (empty when it may be uploaded). */
export function datasetFileIssues(file: { fileName: string; fileSize: number; contentType: string }, maxBytes: number): DatasetFileIssue[] {
  const issues: DatasetFileIssue[] = [];
  if (!hasDatasetExtension(file.fileName)) issues.push({ path: "fileName", message: TYPE_MESSAGE });
  else if (!isDatasetContentType(file.contentType)) {
    issues.push({ path: "contentType", message: `${TYPE_MESSAGE} This file is ${baseContentType(file.contentType)}.` });
  }
  if (file.fileSize === 0) issues.push({ path: "fileSize", message: "The file is empty." });
  else if (file.fileSize > maxBytes) issues.push({ path: "fileSize", message: tooLargeMessage(file.fileSize, maxBytes) });
  return issues;
}

/** `datasets.createUpload`'s input; the size cap and the type rules are checked by the server on top. */
export const createUploadInputSchema = z.object({
  name: safeText().trim().min(1, { error: "Name the dataset." }).max(200, { error: "At most 200 characters." }),
  description: safeText().trim().max(2000, { error: "At most 2,000 characters." }).optional(),
  fileName: safeText().trim().min(1, { error: "The file needs a name." }).max(255, { error: "At most 255 characters." }),
  fileSize: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  contentType: safeText().max(255),
  /** The model the dataset is meant for: its context length bounds each example. */
  baseModelId: safeText().trim().min(1).max(200).optional(),
  /** Share of examples held out for validation. */
  validationSplit: z.number().min(0).max(0.5, { error: "Hold out at most half of the examples." }).optional(),
});
export type CreateUploadInput = z.infer<typeof createUploadInputSchema>;
