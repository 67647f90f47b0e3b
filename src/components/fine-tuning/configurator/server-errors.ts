/**
 * What a failed `fineTuning.create` means for the form. The router deep-validates the training
 * graph and its error formatter carries the details in `data`:
 * - 400 BAD_REQUEST `graphIssues` (or, for the input itself, zod's `issues`);
 * - 401 UNAUTHORIZED (the graph names another user);
 * - 422 UNPROCESSABLE_CONTENT `graphReasons`;
 * - 503 SERVICE_UNAVAILABLE `retryAfterSeconds`.
 * Every issue or reason with a `field` goes under that field; the rest are said once, above the
 * Start button. Nothing here clears the form.
 */
import type { TrainingField } from "@/lib/training/schema";

const FIELDS: ReadonlySet<string> = new Set<TrainingField>([
  "datasetId",
  "baseModelId",
  "presetId",
  "quantization",
  "hyperparameters.learningRate",
  "hyperparameters.batchSize",
  "hyperparameters.epochs",
  "hyperparameters.loraRank",
  "hyperparameters.loraAlpha",
  "hyperparameters.loraDropout",
  "hyperparameters.warmupRatio",
  "hyperparameters.maxSequenceLength",
  "gpu.instanceTypeId",
  "gpu.gpuCount",
]);

function isTrainingField(v: unknown): v is TrainingField {
  return typeof v === "string" && FIELDS.has(v);
}

export type StartErrorKind = "malformed" | "unauthorized" | "unprocessable" | "unavailable" | "other";

export interface StartError {
  kind: StartErrorKind;
  /** Problems shown under their fields. */
  fields: { field: TrainingField; message: string }[];
  /** What is said above the Start button: the problems that belong to no field, or the error itself. */
  messages: string[];
  /** 503: when trying again has a chance. */
  retryAt: Date | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function problems(list: unknown): { field: unknown; message: string }[] {
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is { field: unknown; message: string } => isRecord(p) && typeof p.message === "string",
  );
}

const KIND_BY_CODE: Record<string, StartErrorKind> = {
  BAD_REQUEST: "malformed",
  UNAUTHORIZED: "unauthorized",
  UNPROCESSABLE_CONTENT: "unprocessable",
  SERVICE_UNAVAILABLE: "unavailable",
};

export function startError(err: unknown, now: number = Date.now()): StartError {
  const message = isRecord(err) && typeof err.message === "string" ? err.message : "Could not start training.";
  const data = isRecord(err) && isRecord(err.data) ? err.data : {};
  const kind = (typeof data.code === "string" && KIND_BY_CODE[data.code]) || "other";
  const out: StartError = { kind, fields: [], messages: [], retryAt: null };

  const list = [...problems(data.graphIssues), ...problems(data.graphReasons)];
  // The procedure's own input (the idempotency key, say) failing zod: path from the input root.
  for (const i of problems(data.issues)) list.push({ field: null, message: i.message });
  for (const p of list) {
    if (isTrainingField(p.field)) out.fields.push({ field: p.field, message: p.message });
    else if (!out.messages.includes(p.message)) out.messages.push(p.message);
  }

  if (kind === "unavailable") {
    const seconds = typeof data.retryAfterSeconds === "number" && data.retryAfterSeconds > 0 ? data.retryAfterSeconds : 60;
    out.retryAt = new Date(now + Math.ceil(seconds) * 1000);
  }
  if (kind === "unauthorized") {
    out.messages.push("You are signed in as someone else than when this page was opened: reload it and try again.");
  }
  if (out.fields.length === 0 && out.messages.length === 0) out.messages.push(message);
  return out;
}

/** "in 4 min (at 14:32)", "in 40 s", or "now" once the time has passed. */
export function retryText(retryAt: Date, now: number = Date.now()): string {
  const seconds = Math.ceil((retryAt.getTime() - now) / 1000);
  if (seconds <= 0) return "now";
  const clock = retryAt.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return seconds < 90 ? `in ${seconds} s (at ${clock})` : `in ${Math.round(seconds / 60)} min (at ${clock})`;
}
