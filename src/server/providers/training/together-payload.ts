/**
 * Together AI fine-tuning, the pure half: our spec → `POST /fine-tunes` body, and Together's job,
 * events, metrics and checkpoints → our status, log lines, metrics points and checkpoints.
 * Source: togethercomputer/openapi `openapi.yaml` and the together-typescript / together-python
 * clients (library-notes-platform §B), and docs.together.ai's "Training metrics" page for the
 * metric keys (`train/global_step`, `train/epoch`, `train/loss`, `train/grad_norm`,
 * `train/learning_rate`; evaluations as separate objects with `eval/*` keys).
 */
import { z } from "zod";
import { hash32 } from "../compute/seeded";
import type {
  TrainingCheckpoint,
  TrainingLogLevel,
  TrainingLogLine,
  TrainingMetricsPoint,
  TrainingPhase,
  TrainingSpec,
} from "./types";

export const TOGETHER_DEFAULT_API_BASE_URL = "https://api.together.ai/v1";

export const togetherStatuses = [
  "pending",
  "queued",
  "running",
  "compressing",
  "uploading",
  "cancel_requested",
  "cancelled",
  "error",
  "completed",
] as const;
export type TogetherStatus = (typeof togetherStatuses)[number];

export const togetherFileSchema = z.object({
  id: z.string(),
  object: z.literal("file").optional(),
  created_at: z.number().optional(),
  filename: z.string().optional(),
  bytes: z.number().optional(),
  purpose: z.string().optional(),
  Processed: z.boolean().optional(),
  FileType: z.string().optional(),
});

export const togetherEventSchema = z.object({
  object: z.string().optional(),
  created_at: z.string(),
  level: z.string().nullish(),
  message: z.string().nullish(),
  type: z.string(),
  step: z.number().nullish(),
  total_steps: z.number().nullish(),
  checkpoint_path: z.string().nullish(),
  model_path: z.string().nullish(),
});
export type TogetherEvent = z.infer<typeof togetherEventSchema>;

export const togetherJobSchema = z.object({
  id: z.string(),
  status: z.enum(togetherStatuses),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  model: z.string().optional(),
  model_output_name: z.string().optional(),
  suffix: z.string().nullish(),
  n_epochs: z.number().nullish(),
  epochs_completed: z.number().nullish(),
  events: z.array(togetherEventSchema).nullish(),
  progress: z.object({ estimate_available: z.boolean(), seconds_remaining: z.number() }).nullish(),
});
export type TogetherJob = z.infer<typeof togetherJobSchema>;

export const togetherJobListSchema = z.object({ data: z.array(togetherJobSchema) });
export const togetherEventListSchema = z.object({ data: z.array(togetherEventSchema) });
export const togetherCheckpointListSchema = z.object({
  data: z.array(z.object({ step: z.number(), created_at: z.string(), path: z.string(), checkpoint_type: z.string() })),
});
export type TogetherCheckpoint = z.infer<typeof togetherCheckpointListSchema>["data"][number];
export const togetherMetricsSchema = z.object({ metrics: z.array(z.record(z.string(), z.number())).nullish() });

/**
 * Our job's mark in Together's `suffix` (≤ 40 characters, added to the output model's name): a
 * retried submit finds the job the first attempt made by it.
 */
export function suffixFor(jobId: string): string {
  const slug = jobId.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  const full = `radium-${slug}`;
  return full.length <= 40 ? full : `radium-${slug.slice(0, 24)}-${hash32(jobId).toString(16).padStart(8, "0")}`;
}

/** The `POST /fine-tunes` body for a LoRA SFT job with our hyperparameters. */
export function toCreateBody(spec: TrainingSpec, files: { training: string; validation?: string }) {
  const hp = spec.hyperparameters;
  return {
    training_file: files.training,
    ...(files.validation ? { validation_file: files.validation, n_evals: Math.min(100, hp.epochs * 4) } : { n_evals: 0 }),
    model: spec.baseModel.providerModelId ?? spec.baseModel.repository,
    n_epochs: hp.epochs,
    // One per epoch, as the simulator keeps (Together saves them evenly over the run).
    n_checkpoints: hp.epochs,
    batch_size: hp.batchSize,
    learning_rate: hp.learningRate,
    lr_scheduler: { lr_scheduler_type: "cosine", lr_scheduler_args: { min_lr_ratio: 0, num_cycles: 0.5 } },
    warmup_ratio: hp.warmupRatio,
    max_grad_norm: 1,
    weight_decay: 0,
    max_seq_length: hp.maxSeqLength,
    ...(spec.seed !== undefined ? { random_seed: spec.seed } : {}),
    suffix: suffixFor(spec.jobId),
    training_method: { method: "sft", train_on_inputs: "auto" },
    training_type: {
      type: "Lora",
      lora_r: hp.loraRank,
      lora_alpha: hp.loraAlpha,
      lora_dropout: hp.loraDropout,
      lora_trainable_modules: "all-linear",
    },
  };
}

/** Together's status (and how far its events got) in lifecycle words. */
export function phaseOf(status: TogetherStatus, events: readonly TogetherEvent[]): TrainingPhase {
  switch (status) {
    case "pending":
    case "queued":
      return "queued";
    case "running": {
      const types = new Set(events.map((e) => e.type));
      if (types.has("training_complete") || types.has("model_compressing") || types.has("model_uploading")) return "saving";
      return types.has("training_start") || types.has("checkpoint_save") || types.has("epoch_complete") ? "running" : "initializing";
    }
    case "compressing":
    case "uploading":
      return "saving";
    // The cancel was accepted: no further steps run (and none are billed) from our side's view.
    case "cancel_requested":
    case "cancelled":
      return "cancelled";
    case "error":
      return "failed";
    case "completed":
      return "completed";
  }
}

/** Why a job failed: its last error event's message, else a generic one. */
export function failureMessage(events: readonly TogetherEvent[]): string {
  const error = events.findLast((e) => e.type === "job_error" || e.level === "error" || e.level === "legacy_ierror");
  return error?.message?.trim() || "The fine-tuning job failed at Together AI";
}

function levelOf(event: TogetherEvent): TrainingLogLevel {
  if (event.type === "job_error" || event.level === "error" || event.level === "legacy_ierror") return "ERROR";
  if (event.type === "warning" || event.level === "warning" || event.level === "legacy_iwarning") return "WARNING";
  return "INFO";
}

/** Events (an append-only list, oldest first) → log lines; `seq` is the event's index. */
export function logsFromEvents(events: readonly TogetherEvent[], fromSeq: number): TrainingLogLine[] {
  return events.slice(fromSeq).map((event, i) => ({
    seq: fromSeq + i,
    at: isoOr(event.created_at),
    level: levelOf(event),
    message: event.message?.trim() || event.type.replaceAll("_", " "),
    metadata: {
      type: event.type,
      ...(typeof event.step === "number" ? { step: event.step } : {}),
      ...(event.total_steps ? { totalSteps: event.total_steps } : {}),
    },
  }));
}

function isoOr(text: string | undefined, fallback = new Date(0).toISOString()): string {
  if (!text) return fallback;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

/** Steps per epoch when the total is known. */
function stepsPerEpoch(totalSteps: number, epochs: number): number | undefined {
  return totalSteps > 0 && epochs > 0 ? totalSteps / epochs : undefined;
}

export interface MetricsContext {
  totalSteps: number;
  epochs: number;
  /** Keep back the newest step until the job is over: its evaluation may not be logged yet. */
  final: boolean;
  /** Only steps above this. */
  after: number;
}

/**
 * Metric objects → points, one per step: a step's `train/*` object merged with its `eval/*` one.
 * A step without training metrics is left out (Together logs them at every step, so an evaluation
 * always has its step's); so is the newest step while the job runs (its evaluation may follow).
 */
export function pointsFromMetrics(rows: readonly Record<string, number>[], ctx: MetricsContext): TrainingMetricsPoint[] {
  const byStep = new Map<number, Record<string, number>>();
  for (const row of rows) {
    const step = row["train/global_step"] ?? row["eval/global_step"] ?? row.global_step;
    if (step === undefined || !Number.isInteger(step) || step <= ctx.after) continue;
    byStep.set(step, { ...byStep.get(step), ...row });
  }
  const steps = [...byStep.keys()].sort((a, b) => a - b);
  if (!ctx.final) steps.pop();
  const perEpoch = stepsPerEpoch(ctx.totalSteps, ctx.epochs);
  const points: TrainingMetricsPoint[] = [];
  for (const step of steps) {
    const row = byStep.get(step)!;
    const loss = row["train/loss"];
    const lr = row["train/learning_rate"] ?? row["train/lr"];
    if (loss === undefined || lr === undefined) continue;
    const fractional = row["train/epoch"] ?? row["eval/epoch"];
    const epoch = fractional !== undefined ? Math.max(1, Math.ceil(fractional)) : perEpoch ? Math.max(1, Math.ceil(step / perEpoch)) : 1;
    const timestamp = row.timestamp;
    points.push({
      step,
      epoch,
      // Together logs nanoseconds since the epoch.
      at: new Date(timestamp !== undefined ? Math.round(timestamp / 1e6) : 0).toISOString(),
      trainingLoss: loss,
      ...(row["eval/loss"] !== undefined ? { validationLoss: row["eval/loss"] } : {}),
      learningRate: lr,
      ...(row["train/grad_norm"] !== undefined ? { gradNorm: row["train/grad_norm"] } : {}),
    });
  }
  return points;
}

/** New checkpoints (one per step, the final one marked) with the losses known from `points`. */
export function checkpointsFrom(
  rows: readonly TogetherCheckpoint[],
  ctx: { after: number; totalSteps: number; epochs: number; points: readonly TrainingMetricsPoint[] },
): TrainingCheckpoint[] {
  const byStep = new Map<number, TrainingCheckpoint>();
  const perEpoch = stepsPerEpoch(ctx.totalSteps, ctx.epochs);
  for (const row of rows) {
    if (row.step <= ctx.after) continue;
    const point = ctx.points.find((p) => p.step === row.step);
    const final = !/intermediate/i.test(row.checkpoint_type);
    const previous = byStep.get(row.step);
    byStep.set(row.step, {
      step: row.step,
      epoch: point?.epoch ?? (perEpoch ? Math.max(1, Math.ceil(row.step / perEpoch)) : ctx.epochs),
      at: isoOr(row.created_at),
      ...(point ? { trainingLoss: point.trainingLoss } : {}),
      ...(point?.validationLoss !== undefined ? { validationLoss: point.validationLoss } : {}),
      final: final || (previous?.final ?? false),
    });
  }
  return [...byStep.values()].sort((a, b) => a.step - b.step);
}
