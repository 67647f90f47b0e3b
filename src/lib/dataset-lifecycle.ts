/**
 * Where a dataset changes state. Every status write asks `transition` first and then runs as a guarded
 * `UPDATE … SET status = to WHERE status = from` with its timeline row, so a retried validation run or a
 * second confirmation can never move a dataset backwards or record the same move twice.
 *
 *   uploading → validating → ready | error;   uploading → error (the upload never completed)
 *
 * Deleting is not a state: it is a soft delete (`deleted_at`) from any state, and the file goes later.
 */

export const DATASET_STATUSES = ["uploading", "validating", "ready", "error"] as const;
export type DatasetStatus = (typeof DATASET_STATUSES)[number];

export const DATASET_EVENTS = ["upload_confirmed", "validation_passed", "validation_failed", "upload_failed"] as const;
export type DatasetEvent = (typeof DATASET_EVENTS)[number];

export type DatasetTransitionResult =
  | { ok: true; from: DatasetStatus; to: DatasetStatus }
  | { ok: false; from: DatasetStatus; event: DatasetEvent; reason: string };

// The whole machine: anything not listed here is refused.
const TABLE: Record<DatasetStatus, Partial<Record<DatasetEvent, DatasetStatus>>> = {
  uploading: { upload_confirmed: "validating", upload_failed: "error" },
  validating: { validation_passed: "ready", validation_failed: "error" },
  ready: {},
  error: {},
};

export const DATASET_STATUS_LABELS: Record<DatasetStatus, string> = {
  uploading: "Uploading",
  validating: "Validating",
  ready: "Ready",
  error: "Error",
};

export const DATASET_EVENT_LABELS: Record<DatasetEvent, string> = {
  upload_confirmed: "Upload complete; validating",
  validation_passed: "Validated",
  validation_failed: "Validation failed",
  upload_failed: "Upload failed",
};

// In refusals a user may read: "Cannot confirm the upload of a dataset that is ready."
const ACTION: Record<DatasetEvent, string> = {
  upload_confirmed: "confirm the upload of",
  validation_passed: "mark as validated",
  validation_failed: "mark as failed",
  upload_failed: "fail the upload of",
};

export function transition(from: DatasetStatus, event: DatasetEvent): DatasetTransitionResult {
  const to = TABLE[from][event];
  if (to) return { ok: true, from, to };
  return { ok: false, from, event, reason: `Cannot ${ACTION[event]} a dataset that is ${DATASET_STATUS_LABELS[from].toLowerCase()}.` };
}

/** The state `event` leads to from `from`, or null when the move is illegal. */
export function nextStatus(from: DatasetStatus, event: DatasetEvent): DatasetStatus | null {
  return TABLE[from][event] ?? null;
}

/** Still moving on its own: lists and pages keep refetching while any row is transient. */
export function isTransient(status: DatasetStatus): boolean {
  return status === "uploading" || status === "validating";
}

/** Nothing will ever happen to its status again. */
export function isTerminal(status: DatasetStatus): boolean {
  return Object.keys(TABLE[status]).length === 0;
}

/** Ready datasets are the ones a fine-tuning job may use. */
export function isTrainable(status: DatasetStatus): boolean {
  return status === "ready";
}

export function isDatasetStatus(value: string): value is DatasetStatus {
  return (DATASET_STATUSES as readonly string[]).includes(value);
}
