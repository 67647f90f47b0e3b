/**
 * A local counterpart of Together AI's files and fine-tuning API (v1), written from its public
 * description — togethercomputer/openapi `openapi.yaml` (paths, request fields and defaults, the
 * FileResponse / FinetuneResponse / FineTuneEvent / checkpoint schemas, the ErrorData body), the
 * together-typescript and together-python clients (upload fields, download query, checkpoint types),
 * docs.together.ai (job states, metric keys) — and library-notes-platform §B; not from our adapter.
 *
 *   POST   /v1/files/upload                 multipart purpose, file_name, file_type, file → FileResponse
 *   GET    /v1/files                         {data: [FileResponse]}
 *   GET    /v1/files/{id}                    FileResponse          DELETE → {id, deleted: true}
 *   GET    /v1/files/{id}/content            the bytes
 *   POST   /v1/fine-tunes                    FinetuneResponseTruncated (status pending)
 *   GET    /v1/fine-tunes                    {data: [FinetuneResponseTruncated]}
 *   GET    /v1/fine-tunes/{id}               FinetuneResponse (events, epochs_completed, progress, …)
 *   GET    /v1/fine-tunes/{id}/events        {data: [FineTuneEvent]}
 *   GET    /v1/fine-tunes/{id}/checkpoints   {data: [{step, created_at, path, checkpoint_type}]}, newest first
 *   GET    /v1/fine-tunes/{id}/metrics       {metrics: [{timestamp (ns), "train/…" | "eval/…"}]}, query filters
 *   POST   /v1/fine-tunes/{id}/cancel        FinetuneResponseTruncated (cancel_requested, then cancelled)
 *   DELETE /v1/fine-tunes/{id}               {message}
 *   GET    /v1/finetune/download             ?ft_id&checkpoint=adapter|merged|model_output_path&checkpoint_step → .tar.zst
 *   GET    /v1/fine-tunes/models/supported   {models}     GET /v1/fine-tunes/models/limits?model_name → limits
 *
 * Errors answer `{error: {message, type, param, code}}` (ErrorData). A job's life follows the fake's
 * clock, read lazily on each request — pending → queued → running (downloads, then one step every
 * `stepMs`, evaluations, checkpoints, epochs) → compressing → uploading → completed — so a test moves
 * time with `advance(ms)` instead of sleeping. Test controls: `failNext`, `failJob`, `requests`, and
 * the same over HTTP under `/__fake/*` when run as a script (for Playwright):
 *
 *   TOGETHER_FAKE_API_KEY=tg_test TOGETHER_FAKE_PORT=8791 npx tsx tests/fakes/together-finetune-server.ts
 */
import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { safetensorsF32, tar, zstdStored } from "./together-archive";

type Json = Record<string, unknown>;

export interface TogetherFakeOptions {
  /** The one key accepted (`Authorization: Bearer <key>`). */
  apiKey: string;
  port?: number;
  durations?: Partial<Record<"pendingMs" | "queuedMs" | "startupMs" | "stepMs" | "compressMs" | "uploadMs" | "cancelMs", number>>;
  /** Base models accepted for fine-tuning. */
  models?: string[];
  /** LoRA limits of every model (fine-tunes/models/limits). */
  limits?: Partial<{ minBatchSize: number; maxBatchSize: number; maxRank: number; maxEpochs: number }>;
  now?: () => number;
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** JSON body, or the multipart form's text fields (and `file` as its size). */
  body: unknown;
}

export interface InjectedFailure {
  method?: string;
  /** Only requests whose path contains this. */
  path?: string;
  status: number;
  message?: string;
  raw?: string;
}

interface FakeFile {
  id: string;
  filename: string;
  purpose: string;
  fileType: string;
  createdAt: number;
  data: Uint8Array;
  lines: number;
}

interface FakeJob {
  id: string;
  /** The create body with the API's defaults applied. */
  params: Json;
  createdAt: number;
  outputName: string;
  trainingLines: number;
  batchSize: number;
  stepsPerEpoch: number;
  totalSteps: number;
  cancelAt?: number;
  failure?: { at: number; message: string };
  deleted?: boolean;
}

type Status = "pending" | "queued" | "running" | "compressing" | "uploading" | "cancel_requested" | "cancelled" | "error" | "completed";

interface FakeEvent {
  at: number;
  type: string;
  level: "info" | "warning" | "error";
  message: string;
  step?: number;
  checkpoint_path?: string;
  model_path?: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = "invalid_request_error",
    readonly param: string | null = null,
  ) {
    super(message);
  }
}

const PURPOSES = ["fine-tune", "eval", "eval-sample", "eval-output", "eval-summary", "batch-generated", "batch-api"];
const FILE_TYPES = ["jsonl", "csv", "parquet"];
const DEFAULT_MODELS = [
  "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
  "meta-llama/Llama-3.1-8B-Instruct",
  "Qwen/Qwen2.5-7B-Instruct",
];

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);
const iso = (ms: number) => new Date(ms).toISOString();

/** Together checks uploaded JSONL for one of its dataset formats; the line number of the first bad line. */
function checkJsonl(text: string): { lines: number; problem?: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  for (const [i, line] of lines.entries()) {
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      return { lines: lines.length, problem: `Invalid JSON on line ${i + 1} of the file` };
    }
    const ok =
      isObject(row) &&
      (Array.isArray(row.messages) || typeof row.text === "string" || (typeof row.prompt === "string" && typeof row.completion === "string"));
    if (!ok) return { lines: lines.length, problem: `Line ${i + 1}: expected a "messages", "text" or "prompt"/"completion" field` };
  }
  if (!lines.length) return { lines: 0, problem: "The file is empty" };
  return { lines: lines.length };
}

export async function startTogetherFake(options: TogetherFakeOptions) {
  let offset = 0;
  const now = () => (options.now ?? Date.now)() + offset;
  const d = {
    pendingMs: 500,
    queuedMs: 1000,
    startupMs: 2000,
    stepMs: 100,
    compressMs: 1000,
    uploadMs: 1000,
    cancelMs: 500,
    ...options.durations,
  };
  const models = options.models ?? DEFAULT_MODELS;
  const limits = { minBatchSize: 1, maxBatchSize: 32, maxRank: 64, maxEpochs: 20, ...options.limits };
  const files = new Map<string, FakeFile>();
  const jobs = new Map<string, FakeJob>();
  const failures: InjectedFailure[] = [];
  const requests: FakeRequest[] = [];

  // ── a job's timeline ──────────────────────────────────────────────────────
  const trainStart = (j: FakeJob) => j.createdAt + d.pendingMs + d.queuedMs + d.startupMs;
  const stepAt = (j: FakeJob, step: number) => trainStart(j) + step * d.stepMs;
  const trainEnd = (j: FakeJob) => stepAt(j, j.totalSteps);
  const uploadStart = (j: FakeJob) => trainEnd(j) + d.compressMs;
  const doneAt = (j: FakeJob) => uploadStart(j) + d.uploadMs;
  const spread = (n: number, total: number) => Array.from({ length: Math.max(0, n) }, (_, k) => Math.round(((k + 1) * total) / n));
  const evalSteps = (j: FakeJob) => (j.params.validation_file ? spread(Number(j.params.n_evals), j.totalSteps) : []);
  /** Intermediate checkpoints; the final model is the last one. */
  const checkpointSteps = (j: FakeJob) => spread(Number(j.params.n_checkpoints), j.totalSteps).filter((s) => s < j.totalSteps);
  /** When the job stops early (failure or cancel), if it does. */
  const stopAt = (j: FakeJob) => Math.min(j.failure?.at ?? Infinity, j.cancelAt ?? Infinity);

  function statusOf(j: FakeJob, t = now()): Status {
    if (j.failure && t >= j.failure.at && j.failure.at <= (j.cancelAt ?? Infinity) && j.failure.at < doneAt(j)) return "error";
    if (j.cancelAt !== undefined && t >= j.cancelAt && j.cancelAt < doneAt(j)) return t >= j.cancelAt + d.cancelMs ? "cancelled" : "cancel_requested";
    const elapsed = t - j.createdAt;
    if (elapsed < d.pendingMs) return "pending";
    if (elapsed < d.pendingMs + d.queuedMs) return "queued";
    if (t < trainEnd(j)) return "running";
    if (t < uploadStart(j)) return "compressing";
    if (t < doneAt(j)) return "uploading";
    return "completed";
  }

  /** Completed steps at `t` (frozen at a stop). */
  function stepsDone(j: FakeJob, t = now()): number {
    const until = Math.min(t, stopAt(j));
    return Math.max(0, Math.min(j.totalSteps, Math.floor((until - trainStart(j)) / d.stepMs)));
  }

  function eventsOf(j: FakeJob, t = now()): FakeEvent[] {
    const start = j.createdAt + d.pendingMs + d.queuedMs;
    const model = String(j.params.model);
    const ev = (at: number, type: string, message: string, extra: Partial<FakeEvent> = {}): FakeEvent => ({
      at,
      type,
      level: "info",
      message,
      ...extra,
    });
    const all: FakeEvent[] = [
      ev(j.createdAt, "job_pending", "Fine-tune request created"),
      ev(start, "job_start", `Job started at ${iso(start)}`),
      ev(start + d.startupMs * 0.1, "model_downloading", `Downloading model data for ${model}`),
      ev(start + d.startupMs * 0.4, "model_download_complete", "Model data downloaded"),
      ev(start + d.startupMs * 0.5, "training_data_downloading", "Downloading training data"),
      ev(start + d.startupMs * 0.6, "training_data_download_complete", "Training data downloaded"),
    ];
    if (j.params.validation_file) {
      all.push(ev(start + d.startupMs * 0.7, "validation_data_downloading", "Downloading validation data"));
      all.push(ev(start + d.startupMs * 0.8, "validation_data_download_complete", "Validation data downloaded"));
    }
    all.push(ev(trainStart(j), "training_start", `Training started for model ${model}`));
    const saves = new Set(checkpointSteps(j));
    for (let step = 1; step <= j.totalSteps; step++) {
      if (saves.has(step)) {
        all.push(ev(stepAt(j, step), "checkpoint_save", `Checkpoint saved at step ${step}`, {
          step,
          checkpoint_path: `s3://together-ft/${j.id}/checkpoint-${step}`,
        }));
      }
      if (step % j.stepsPerEpoch === 0) {
        all.push(ev(stepAt(j, step), "epoch_complete", `Epoch completed, at step ${step}`, { step }));
      }
    }
    all.push(ev(trainEnd(j), "training_complete", `Training completed for ${model} at ${iso(trainEnd(j))}`));
    all.push(ev(trainEnd(j), "model_compressing", "Compressing output model"));
    all.push(ev(uploadStart(j) - 1, "model_compression_complete", "Model compression complete"));
    all.push(ev(uploadStart(j), "model_uploading", "Uploading output model"));
    all.push(ev(doneAt(j) - 1, "model_upload_complete", "Model upload complete"));
    all.push(ev(doneAt(j), "job_complete", `Job finished at ${iso(doneAt(j))}`, { model_path: `s3://together-ft/${j.id}/final` }));

    const stop = stopAt(j);
    const kept = all.filter((e) => e.at < stop || (stop === Infinity && e.at <= doneAt(j)));
    if (j.failure && j.failure.at === stop && stop < doneAt(j)) {
      kept.push({ at: stop, type: "job_error", level: "error", message: j.failure.message });
    } else if (j.cancelAt !== undefined && j.cancelAt === stop && stop < doneAt(j)) {
      kept.push(ev(stop, "cancel_requested", "Job cancellation requested by the user"));
      kept.push(ev(stop + d.cancelMs, "job_stopped", "Job was stopped"));
    }
    return kept.filter((e) => e.at <= t).sort((a, b) => a.at - b.at);
  }

  function renderEvent(j: FakeJob, e: FakeEvent): Json {
    return {
      object: "fine-tune-event",
      created_at: iso(e.at),
      level: e.level,
      message: e.message,
      type: e.type,
      param_count: 8_030_261_248,
      token_count: j.trainingLines * 120,
      total_steps: j.totalSteps,
      wandb_url: "",
      step: e.step ?? 0,
      checkpoint_path: e.checkpoint_path ?? "",
      model_path: e.model_path ?? "",
      training_offset: 0,
      hash: "",
    };
  }

  // ── metrics (independent of the app's simulator: a plain exponential decay) ──
  function trainMetric(j: FakeJob, step: number): Json {
    const x = step / j.totalSteps;
    const lr = Number(j.params.learning_rate);
    const warmup = Math.max(1, Math.round(Number(j.params.warmup_ratio) * j.totalSteps));
    const rate = step <= warmup ? (lr * step) / warmup : lr * 0.5 * (1 + Math.cos((Math.PI * (step - warmup)) / Math.max(1, j.totalSteps - warmup)));
    return {
      timestamp: stepAt(j, step) * 1e6,
      "train/global_step": step,
      "train/epoch": Number((step / j.stepsPerEpoch).toFixed(4)),
      "train/loss": Number((0.45 + 1.9 * Math.exp(-4 * x) + 0.03 * Math.sin(step * 1.7)).toFixed(4)),
      "train/grad_norm": Number((0.3 + Math.exp(-3 * x)).toFixed(4)),
      "train/learning_rate": rate,
    };
  }

  function evalMetric(j: FakeJob, step: number): Json {
    const x = step / j.totalSteps;
    // Logged half a step after the step's training metrics.
    return {
      timestamp: (stepAt(j, step) + d.stepMs / 2) * 1e6,
      "eval/global_step": step,
      "eval/epoch": Number((step / j.stepsPerEpoch).toFixed(4)),
      "eval/loss": Number((0.55 + 1.9 * Math.exp(-4 * x) + 0.2 * x * x).toFixed(4)),
    };
  }

  function metricsOf(j: FakeJob, q: Record<string, string>): Json[] {
    const t = now();
    const stop = Math.min(t, stopAt(j));
    const from = q.global_step_from !== undefined ? Number(q.global_step_from) : 0;
    const to = q.global_step_to !== undefined ? Number(q.global_step_to) : Infinity;
    const loggedFrom = q.logged_at_from ? Date.parse(q.logged_at_from) * 1e6 : -Infinity;
    const loggedTo = q.logged_at_to ? Date.parse(q.logged_at_to) * 1e6 : Infinity;
    const done = stepsDone(j, t);
    const evals = new Set(evalSteps(j));
    let train: Json[] = [];
    const evalRows: Json[] = [];
    for (let step = Math.max(1, from); step <= Math.min(done, to); step++) {
      train.push(trainMetric(j, step));
      if (evals.has(step)) {
        const row = evalMetric(j, step);
        if (Number(row.timestamp) <= stop * 1e6) evalRows.push(row);
      }
    }
    const resolution = q.resolution !== undefined ? Number(q.resolution) : undefined;
    if (resolution && train.length > resolution) {
      const every = train.length / resolution;
      train = Array.from({ length: resolution }, (_, i) => train[Math.floor(i * every)]!);
    }
    return [...train, ...evalRows]
      .filter((row) => Number(row.timestamp) >= loggedFrom && Number(row.timestamp) <= loggedTo)
      .sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
  }

  // ── renderings ────────────────────────────────────────────────────────────
  function renderFile(f: FakeFile): Json {
    return {
      id: f.id,
      object: "file",
      created_at: Math.floor(f.createdAt / 1000),
      filename: f.filename,
      bytes: f.data.byteLength,
      purpose: f.purpose,
      Processed: true,
      FileType: f.fileType,
    };
  }

  function renderJob(j: FakeJob, full: boolean): Json {
    const t = now();
    const status = statusOf(j, t);
    const events = eventsOf(j, t);
    const done = stepsDone(j, t);
    const running = status === "running" && t >= trainStart(j);
    const truncated: Json = {
      id: j.id,
      status,
      created_at: iso(j.createdAt),
      updated_at: iso(events.at(-1)?.at ?? j.createdAt),
      ...(t >= j.createdAt + d.pendingMs + d.queuedMs ? { started_at: iso(j.createdAt + d.pendingMs + d.queuedMs) } : {}),
      user_id: "user_fake0123456789",
      owner_address: "fake@example.com",
      total_price: Math.round(done * 2),
      token_count: j.trainingLines * 120 * Number(j.params.n_epochs),
      events: [],
      // Write-only credentials are never answered back.
      ...Object.fromEntries(Object.entries(j.params).filter(([k]) => k !== "wandb_api_key" && k !== "hf_api_token")),
      batch_size: j.batchSize,
      model_output_name: j.outputName,
      progress: { estimate_available: running, seconds_remaining: running ? Math.ceil((doneAt(j) - t) / 1000) : 0 },
    };
    if (!full) return truncated;
    return {
      ...truncated,
      events: events.map((e) => renderEvent(j, e)),
      epochs_completed: Math.floor(done / j.stepsPerEpoch),
      queue_depth: status === "queued" ? 1 : 0,
      param_count: 8_030_261_248,
      trainingfile_numlines: j.trainingLines,
      trainingfile_size: files.get(String(j.params.training_file))?.data.byteLength ?? 0,
      model_output_path: `s3://together-ft/${j.id}/final`,
      job_id: j.id,
    };
  }

  /** The files of the adapter at `step` (what a download archives). */
  function adapterFiles(j: FakeJob, step: number): { name: string; data: Uint8Array }[] {
    const lora = isObject(j.params.training_type) ? j.params.training_type : {};
    const r = Number(lora.lora_r ?? 8);
    const hidden = 16;
    const weights: Record<string, { shape: number[]; values: number[] }> = {};
    for (const proj of ["q_proj", "k_proj", "v_proj", "o_proj"]) {
      const base = `base_model.model.model.layers.0.self_attn.${proj}`;
      weights[`${base}.lora_A.weight`] = { shape: [r, hidden], values: Array.from({ length: r * hidden }, (_, i) => Math.sin(i + step) / 8) };
      weights[`${base}.lora_B.weight`] = {
        shape: [hidden, r],
        values: Array.from({ length: hidden * r }, (_, i) => (Math.cos(i) * step) / (1000 * j.totalSteps)),
      };
    }
    const config = {
      base_model_name_or_path: j.params.model,
      peft_type: "LORA",
      task_type: "CAUSAL_LM",
      r,
      lora_alpha: lora.lora_alpha,
      lora_dropout: lora.lora_dropout ?? 0,
      target_modules: ["q_proj", "k_proj", "v_proj", "o_proj"],
      bias: "none",
      inference_mode: true,
    };
    const enc = new TextEncoder();
    return [
      { name: "adapter_config.json", data: enc.encode(JSON.stringify(config, null, 2)) },
      { name: "adapter_model.safetensors", data: safetensorsF32(weights) },
      { name: "tokenizer_config.json", data: enc.encode(JSON.stringify({ model_max_length: j.params.max_seq_length ?? 8192 })) },
    ];
  }

  // ── routes ────────────────────────────────────────────────────────────────
  function findJob(id: string): FakeJob {
    const j = jobs.get(id);
    if (!j || j.deleted) throw new HttpError(404, `Fine-tune job ${id} not found`, "not_found");
    return j;
  }

  function validateCreate(body: unknown): Json {
    if (!isObject(body)) throw new HttpError(400, "Invalid request body: expected a JSON object");
    const p: Json = {
      validation_file: "",
      n_epochs: 1,
      n_checkpoints: 1,
      n_evals: 0,
      batch_size: "max",
      learning_rate: 0.00001,
      lr_scheduler: { lr_scheduler_type: "linear", lr_scheduler_args: { min_lr_ratio: 0 } },
      warmup_ratio: 0,
      max_grad_norm: 1,
      weight_decay: 0,
      packing: true,
      training_method: { method: "sft", train_on_inputs: "auto" },
      training_type: null,
      ...body,
    };
    const need = (field: string) => new HttpError(400, `${field} is required`, "invalid_request_error", field);
    if (typeof p.training_file !== "string" || !p.training_file) throw need("training_file");
    if (typeof p.model !== "string" || !p.model) throw need("model");
    const training = files.get(p.training_file);
    if (!training) throw new HttpError(400, `Training file ${p.training_file} not found`, "invalid_request_error", "training_file");
    if (training.purpose !== "fine-tune") throw new HttpError(400, `File ${training.id} was not uploaded for fine-tuning`);
    if (p.validation_file && !files.has(String(p.validation_file))) {
      throw new HttpError(400, `Validation file ${String(p.validation_file)} not found`, "invalid_request_error", "validation_file");
    }
    if (!models.includes(p.model)) {
      throw new HttpError(400, `Model ${p.model} is not supported for fine-tuning`, "invalid_request_error", "model");
    }
    if (!isInt(p.n_epochs) || p.n_epochs < 1 || p.n_epochs > limits.maxEpochs) {
      throw new HttpError(400, `n_epochs must be between 1 and ${limits.maxEpochs}`, "invalid_request_error", "n_epochs");
    }
    if (!isInt(p.n_checkpoints) || p.n_checkpoints < 1) throw new HttpError(400, "n_checkpoints must be at least 1", "invalid_request_error", "n_checkpoints");
    if (!isInt(p.n_evals) || p.n_evals < 0) throw new HttpError(400, "n_evals must be a non-negative integer", "invalid_request_error", "n_evals");
    if (p.n_evals > 0 && !p.validation_file) throw new HttpError(400, "n_evals > 0 requires a validation_file", "invalid_request_error", "n_evals");
    if (p.batch_size !== "max") {
      if (!isInt(p.batch_size)) throw new HttpError(400, 'batch_size must be an integer or "max"', "invalid_request_error", "batch_size");
      if (p.batch_size > limits.maxBatchSize) {
        throw new HttpError(
          400,
          `Requested batch size of ${p.batch_size} is higher that the maximum allowed value of ${limits.maxBatchSize}.`,
          "invalid_request_error",
          "batch_size",
        );
      }
      if (p.batch_size < limits.minBatchSize) {
        throw new HttpError(400, `Requested batch size of ${p.batch_size} is lower that the minimum allowed value of ${limits.minBatchSize}.`);
      }
    }
    if (typeof p.learning_rate !== "number" || p.learning_rate <= 0 || p.learning_rate > 1) {
      throw new HttpError(400, "learning_rate must be in (0, 1]", "invalid_request_error", "learning_rate");
    }
    if (typeof p.warmup_ratio !== "number" || p.warmup_ratio < 0 || p.warmup_ratio > 1) {
      throw new HttpError(400, `Warmup ratio should be between 0 and 1 (got ${String(p.warmup_ratio)})`, "invalid_request_error", "warmup_ratio");
    }
    if (p.max_seq_length !== undefined && (!isInt(p.max_seq_length) || p.max_seq_length < 1)) {
      throw new HttpError(400, "max_seq_length must be a positive integer", "invalid_request_error", "max_seq_length");
    }
    if (p.suffix !== undefined && (typeof p.suffix !== "string" || p.suffix.length > 40)) {
      throw new HttpError(400, "suffix must be a string of at most 40 characters", "invalid_request_error", "suffix");
    }
    const scheduler = p.lr_scheduler;
    if (!isObject(scheduler) || !["linear", "cosine"].includes(String(scheduler.lr_scheduler_type))) {
      throw new HttpError(400, "lr_scheduler.lr_scheduler_type must be linear or cosine", "invalid_request_error", "lr_scheduler");
    }
    const method = p.training_method;
    if (!isObject(method) || !["sft", "dpo"].includes(String(method.method))) {
      throw new HttpError(400, "training_method.method must be sft or dpo", "invalid_request_error", "training_method");
    }
    // Not given: the API defaults to LoRA with the model's maximum rank.
    if (p.training_type === null) p.training_type = { type: "Lora", lora_r: limits.maxRank, lora_alpha: limits.maxRank * 2 };
    const type = p.training_type;
    if (!isObject(type) || !["Lora", "Full"].includes(String(type.type))) {
      throw new HttpError(400, "training_type.type must be Lora or Full", "invalid_request_error", "training_type");
    }
    if (type.type === "Lora") {
      if (!isInt(type.lora_r) || type.lora_r < 1) throw new HttpError(400, "training_type.lora_r is required", "invalid_request_error", "lora_r");
      if (type.lora_r > limits.maxRank) {
        throw new HttpError(400, `LoRA rank ${type.lora_r} exceeds the maximum of ${limits.maxRank} for ${p.model}`, "invalid_request_error", "lora_r");
      }
      if (typeof type.lora_alpha !== "number") throw new HttpError(400, "training_type.lora_alpha is required", "invalid_request_error", "lora_alpha");
      p.training_type = { lora_dropout: 0, lora_trainable_modules: "all-linear", ...type };
    }
    return p;
  }

  function download(q: Record<string, string>): { status: number; bytes?: Uint8Array; headers?: Record<string, string> } {
    if (!q.ft_id) throw new HttpError(400, "ft_id is required", "invalid_request_error", "ft_id");
    const j = findJob(q.ft_id);
    const t = now();
    const status = statusOf(j, t);
    let step: number;
    if (q.checkpoint_step !== undefined && Number(q.checkpoint_step) > 0) {
      step = Number(q.checkpoint_step);
      const saved = [...checkpointSteps(j).filter((s) => s <= stepsDone(j, t)), ...(status === "completed" ? [j.totalSteps] : [])];
      if (!saved.includes(step)) throw new HttpError(404, `Checkpoint at step ${step} not found for ${j.id}`, "not_found");
    } else {
      if (!q.checkpoint) throw new HttpError(400, "checkpoint is required when checkpoint_step is not set", "invalid_request_error", "checkpoint");
      if (!["merged", "adapter", "model_output_path"].includes(q.checkpoint)) {
        throw new HttpError(400, `Invalid checkpoint type ${q.checkpoint}`, "invalid_request_error", "checkpoint");
      }
      if (status !== "completed") throw new HttpError(400, `Fine-tune job ${j.id} is not completed (status: ${status})`);
      step = j.totalSteps;
    }
    const name = `${j.outputName.split("/").pop()}${step < j.totalSteps ? `-checkpoint-${step}` : ""}`;
    const archive = zstdStored(tar(name, adapterFiles(j, step), t));
    return {
      status: 200,
      bytes: archive,
      // Together's clients pick the extension from "zstd" in the content type.
      headers: { "content-type": "application/zstd", "content-disposition": `attachment; filename="${name}.tar.zst"` },
    };
  }

  async function route(
    method: string,
    path: string,
    q: Record<string, string>,
    body: unknown,
    form: FormData | undefined,
  ): Promise<{ status: number; json?: unknown; bytes?: Uint8Array; headers?: Record<string, string> }> {
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    const [root, a, b, ...rest] = parts;
    if (rest.length) throw new HttpError(404, "Not Found", "not_found");

    if (root === "files") {
      if (a === "upload" && !b) {
        if (method !== "POST") throw new HttpError(405, "Method Not Allowed");
        if (!form) throw new HttpError(400, "Expected multipart/form-data");
        const purpose = form.get("purpose");
        const fileName = form.get("file_name");
        const fileType = form.get("file_type") ?? "jsonl";
        const file = form.get("file");
        if (typeof purpose !== "string" || !PURPOSES.includes(purpose)) {
          throw new HttpError(400, `purpose must be one of ${PURPOSES.join(", ")}`, "invalid_request_error", "purpose");
        }
        if (typeof fileName !== "string" || !fileName) throw new HttpError(400, "file_name is required", "invalid_request_error", "file_name");
        if (typeof fileType !== "string" || !FILE_TYPES.includes(fileType)) {
          throw new HttpError(400, `file_type must be one of ${FILE_TYPES.join(", ")}`, "invalid_request_error", "file_type");
        }
        if (!(file instanceof Blob)) throw new HttpError(400, "file is required", "invalid_request_error", "file");
        const data = new Uint8Array(await file.arrayBuffer());
        let lines = 0;
        if (fileType === "jsonl") {
          const check = checkJsonl(new TextDecoder().decode(data));
          if (check.problem) throw new HttpError(400, `File validation failed: ${check.problem}`, "invalid_request_error", "file");
          lines = check.lines;
        } else {
          lines = Math.max(1, new TextDecoder().decode(data).split("\n").length - 1);
        }
        const f: FakeFile = { id: `file-${randomUUID()}`, filename: fileName, purpose, fileType, createdAt: now(), data, lines };
        files.set(f.id, f);
        return { status: 200, json: renderFile(f) };
      }
      if (!a) {
        if (method !== "GET") throw new HttpError(405, "Method Not Allowed");
        return { status: 200, json: { data: [...files.values()].map(renderFile) } };
      }
      const f = files.get(a);
      if (!f) throw new HttpError(404, `File ${a} not found`, "not_found");
      if (b === "content" && method === "GET") return { status: 200, bytes: f.data, headers: { "content-type": "text/plain" } };
      if (b) throw new HttpError(404, "Not Found", "not_found");
      if (method === "GET") return { status: 200, json: renderFile(f) };
      if (method === "DELETE") {
        files.delete(a);
        return { status: 200, json: { id: a, deleted: true } };
      }
      throw new HttpError(405, "Method Not Allowed");
    }

    if (root === "finetune" && a === "download" && !b && method === "GET") return download(q);

    if (root !== "fine-tunes") throw new HttpError(404, "Not Found", "not_found");
    if (a === "models") {
      if (b === "supported") return { status: 200, json: { models } };
      if (b === "limits") {
        if (!models.includes(q.model_name ?? "")) return { status: 404, json: { message: `Model ${q.model_name ?? ""} is not available for fine-tuning` } };
        return {
          status: 200,
          json: {
            model_name: q.model_name,
            max_num_epochs: limits.maxEpochs,
            max_num_evals: 100,
            max_learning_rate: 1,
            min_learning_rate: 0.00000001,
            supports_vision: false,
            supports_tools: true,
            supports_reasoning: false,
            merge_output_lora: false,
            lora_training: {
              max_batch_size: limits.maxBatchSize,
              max_batch_size_dpo: Math.floor(limits.maxBatchSize / 2),
              min_batch_size: limits.minBatchSize,
              max_rank: limits.maxRank,
              target_modules: ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"],
            },
          },
        };
      }
      throw new HttpError(404, "Not Found", "not_found");
    }
    if (!a) {
      if (method === "GET") {
        return { status: 200, json: { data: [...jobs.values()].filter((j) => !j.deleted).map((j) => renderJob(j, false)) } };
      }
      if (method !== "POST") throw new HttpError(405, "Method Not Allowed");
      const params = validateCreate(body);
      const training = files.get(String(params.training_file))!;
      const batchSize = params.batch_size === "max" ? limits.maxBatchSize : Number(params.batch_size);
      const stepsPerEpoch = Math.max(1, Math.ceil(training.lines / batchSize));
      const suffix = typeof params.suffix === "string" && params.suffix ? `-${params.suffix}` : "";
      const j: FakeJob = {
        id: `ft-${randomUUID()}`,
        params,
        createdAt: now(),
        outputName: `fakeuser/${String(params.model).split("/").pop()}${suffix}-${randomBytes(4).toString("hex")}`,
        trainingLines: training.lines,
        batchSize,
        stepsPerEpoch,
        totalSteps: stepsPerEpoch * Number(params.n_epochs),
      };
      jobs.set(j.id, j);
      return { status: 200, json: renderJob(j, false) };
    }
    const j = findJob(a);
    if (!b) {
      if (method === "GET") return { status: 200, json: renderJob(j, true) };
      if (method === "DELETE") {
        j.deleted = true;
        return { status: 200, json: { message: `Fine-tune job ${j.id} deleted` } };
      }
      throw new HttpError(405, "Method Not Allowed");
    }
    if (b === "cancel" && method === "POST") {
      const status = statusOf(j);
      if (["completed", "cancelled", "error"].includes(status)) {
        throw new HttpError(400, `Cannot cancel fine-tune job ${j.id}: it is already ${status}`);
      }
      if (status !== "cancel_requested") j.cancelAt = now();
      return { status: 200, json: renderJob(j, false) };
    }
    if (method !== "GET") throw new HttpError(405, "Method Not Allowed");
    if (b === "events") return { status: 200, json: { data: eventsOf(j).map((e) => renderEvent(j, e)) } };
    if (b === "metrics") return { status: 200, json: { metrics: metricsOf(j, q) } };
    if (b === "checkpoints") {
      const t = now();
      const rows = checkpointSteps(j)
        .filter((s) => s <= stepsDone(j, t))
        .map((s) => ({ step: s, created_at: iso(stepAt(j, s)), path: `s3://together-ft/${j.id}/checkpoint-${s}`, checkpoint_type: "Intermediate" }));
      if (statusOf(j, t) === "completed") {
        rows.push({ step: j.totalSteps, created_at: iso(doneAt(j)), path: `s3://together-ft/${j.id}/final`, checkpoint_type: "Final" });
      }
      return { status: 200, json: { data: rows.reverse() } };
    }
    throw new HttpError(404, "Not Found", "not_found");
  }

  function control(path: string, body: unknown): unknown {
    const b = isObject(body) ? body : {};
    switch (path) {
      case "/__fake/advance":
        api.advance(Number(b.ms ?? 0));
        return { now: now() };
      case "/__fake/fail-next":
        api.failNext({
          status: Number(b.status ?? 500),
          ...(typeof b.method === "string" ? { method: b.method } : {}),
          ...(typeof b.path === "string" ? { path: b.path } : {}),
          ...(typeof b.message === "string" ? { message: b.message } : {}),
        });
        return { ok: true };
      case "/__fake/fail-job":
        api.failJob(String(b.id), String(b.message ?? "Training failed"));
        return { ok: true };
      case "/__fake/requests":
        return { requests };
      default:
        throw new HttpError(404, "Not Found", "not_found");
    }
  }

  const sendError = (res: http.ServerResponse, err: HttpError) => {
    res
      .writeHead(err.status, { "content-type": "application/json" })
      .end(JSON.stringify({ error: { message: err.message, type: err.type, param: err.param, code: null } }));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const method = req.method ?? "GET";
        const url = new URL(req.url ?? "/", "http://fake");
        const query = Object.fromEntries(url.searchParams);
        const raw = Buffer.concat(chunks);
        const contentType = req.headers["content-type"] ?? "";
        try {
          let body: unknown;
          let form: FormData | undefined;
          if (contentType.startsWith("multipart/form-data")) {
            form = await new Response(raw, { headers: { "content-type": contentType } }).formData().catch(() => {
              throw new HttpError(400, "Malformed multipart body");
            });
            body = Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `<${v.size} bytes>`]));
          } else if (raw.byteLength) {
            try {
              body = JSON.parse(raw.toString("utf8"));
            } catch {
              throw new HttpError(400, "Invalid JSON in request body");
            }
          }
          if (url.pathname.startsWith("/__fake/")) {
            res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(control(url.pathname, body)));
            return;
          }
          requests.push({ method, path: url.pathname, query, authorization: req.headers.authorization, body });
          if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
            throw new HttpError(401, "Invalid API key provided", "invalid_request_error", null);
          }
          const injected = failures.findIndex((f) => (!f.method || f.method === method) && (!f.path || url.pathname.includes(f.path)));
          if (injected >= 0) {
            const [f] = failures.splice(injected, 1);
            res.writeHead(f!.status, { "content-type": "application/json" });
            res.end(f!.raw ?? JSON.stringify({ error: { message: f!.message ?? "Internal Server Error", type: "server_error", param: null, code: null } }));
            return;
          }
          if (!url.pathname.startsWith("/v1/")) throw new HttpError(404, "Not Found", "not_found");
          const out = await route(method, url.pathname.slice("/v1".length), query, body, form);
          if (out.bytes) {
            res.writeHead(out.status, { "content-length": String(out.bytes.byteLength), ...out.headers }).end(out.bytes);
          } else {
            res.writeHead(out.status, { "content-type": "application/json", ...out.headers }).end(JSON.stringify(out.json));
          }
        } catch (err) {
          sendError(res, err instanceof HttpError ? err : new HttpError(500, "Internal Server Error", "server_error"));
        }
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const api = {
    /** The API base the adapter takes (TOGETHER_API_BASE_URL). */
    url: `http://127.0.0.1:${port}/v1`,
    port,
    /** Every API request received (not the /__fake controls). */
    requests,
    now,
    durations: d,
    /** Moves the fake's clock forward. */
    advance(ms: number) {
      offset += ms;
    },
    /** The next matching request answers this error instead. */
    failNext(failure: InjectedFailure) {
      failures.push(failure);
    },
    /** The job fails now: status `error`, a `job_error` event with this message. */
    failJob(id: string, message: string) {
      findJob(id).failure = { at: now(), message };
    },
    /** A job's state as the API would report it, and the numbers a test needs. */
    job(id: string) {
      const j = jobs.get(id);
      if (!j) return undefined;
      return {
        status: statusOf(j),
        params: j.params,
        totalSteps: j.totalSteps,
        stepsPerEpoch: j.stepsPerEpoch,
        stepsDone: stepsDone(j),
        evalSteps: evalSteps(j),
        checkpointSteps: checkpointSteps(j),
        /** Logical ms from now until the job completes (if nothing stops it). */
        msToCompletion: doneAt(j) - now(),
        msToStep: (step: number) => stepAt(j, step) - now(),
      };
    },
    /** The adapter files a download of this job's step serves (inside the archive). */
    adapterFiles: (id: string, step: number) => adapterFiles(findJob(id), step),
    file: (id: string) => files.get(id),
    jobCount: () => [...jobs.values()].filter((j) => !j.deleted).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

export type TogetherFake = Awaited<ReturnType<typeof startTogetherFake>>;

// As a script: a long-running fake for Playwright (TOGETHER_FAKE_API_KEY, TOGETHER_FAKE_PORT, TOGETHER_FAKE_SPEED scales durations).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const speed = Number(process.env.TOGETHER_FAKE_SPEED ?? 1);
  const fake = await startTogetherFake({
    apiKey: process.env.TOGETHER_FAKE_API_KEY ?? "tg_fake_key",
    port: Number(process.env.TOGETHER_FAKE_PORT ?? 0),
    durations: {
      pendingMs: 500 * speed,
      queuedMs: 1000 * speed,
      startupMs: 2000 * speed,
      stepMs: 100 * speed,
      compressMs: 1000 * speed,
      uploadMs: 1000 * speed,
      cancelMs: 500 * speed,
    },
  });
  process.stdout.write(`together fine-tuning fake listening on ${fake.url}\n`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
