/**
 * Together AI fine-tuning: `{base}/files/upload`, `{base}/fine-tunes[/{id}[/events|/checkpoints|/metrics|/cancel]]`
 * and `{base}/finetune/download`, with `Authorization: Bearer <key>` (base: https://api.together.ai/v1).
 * The provider job id is Together's `ft-…` id. Tested against tests/fakes/together-finetune-server.ts,
 * a local counterpart of the public API.
 */
import "server-only";
import type { z } from "zod";
import { unpackArchive } from "./together-archive";
import {
  checkpointsFrom,
  failureMessage,
  logsFromEvents,
  phaseOf,
  pointsFromMetrics,
  suffixFor,
  TOGETHER_DEFAULT_API_BASE_URL,
  type TogetherJob,
  toCreateBody,
  togetherCheckpointListSchema,
  togetherEventListSchema,
  togetherFileSchema,
  togetherJobListSchema,
  togetherJobSchema,
  togetherMetricsSchema,
} from "./together-payload";
import {
  advanceCursor,
  type ArtifactFile,
  INITIAL_CURSOR,
  isTerminalPhase,
  ProviderError,
  type ProviderErrorCode,
  type TrainingCursor,
  type TrainingFile,
  type TrainingHandle,
  type TrainingProvider,
  type TrainingSpec,
  type TrainingUpdate,
} from "./types";

const TIMEOUT_MS = 30_000;
/** Uploads and downloads move whole datasets and adapters. */
const TRANSFER_TIMEOUT_MS = 15 * 60_000;

export interface TogetherOptions {
  apiKey: string;
  /** The API base, `/v1` included (default https://api.together.ai/v1). */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/** The provider's words for a failed call: `{error:{message}}` (its documented ErrorData), `{message}`, `{error:"…"}`, or the text. */
export function togetherMessage(status: number, text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the message.
  }
  if (typeof json === "object" && json !== null) {
    const error = "error" in json ? json.error : undefined;
    if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" && error.message) {
      return error.message;
    }
    if (typeof error === "string" && error) return error;
    if ("message" in json && typeof json.message === "string" && json.message) return json.message;
  }
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, 500) : `HTTP ${status}`;
}

function codeOf(status: number): { code: ProviderErrorCode; retryable: boolean } {
  if (status === 400 || status === 422) return { code: "invalid", retryable: false };
  if (status === 401 || status === 403) return { code: "unauthorized", retryable: false };
  if (status === 404) return { code: "not_found", retryable: false };
  if (status === 409) return { code: "conflict", retryable: false };
  if (status === 408 || status === 429 || status >= 500) return { code: "unavailable", retryable: true };
  return { code: "failed", retryable: false };
}

export class TogetherFineTuning implements TrainingProvider {
  readonly kind = "together" as const;
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: TogetherOptions) {
    this.base = (options.baseUrl ?? TOGETHER_DEFAULT_API_BASE_URL).replace(/\/+$/, "");
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async submit(spec: TrainingSpec): Promise<TrainingHandle> {
    // A retried submit (the step failed after Together accepted the job) finds that job by its suffix.
    const suffix = suffixFor(spec.jobId);
    const { data: jobs } = await this.json("GET", "/fine-tunes", togetherJobListSchema);
    const existing = jobs.findLast((j) => j.suffix === suffix || j.model_output_name?.endsWith(`-${suffix}`));
    if (existing) return this.handle(existing);

    const training = await this.upload(spec.dataset);
    const validation = spec.validationDataset ? await this.upload(spec.validationDataset) : undefined;
    try {
      const job = await this.json("POST", "/fine-tunes", togetherJobSchema, {
        body: toCreateBody(spec, { training, ...(validation ? { validation } : {}) }),
      });
      return this.handle(job);
    } catch (err) {
      // The files would be orphans: remove them, best effort (the error that matters is the create's).
      await Promise.allSettled([training, validation].filter((id) => id !== undefined).map((id) => this.request("DELETE", `/files/${enc(id)}`)));
      throw err;
    }
  }

  async poll(providerJobId: string, cursor: TrainingCursor = INITIAL_CURSOR): Promise<TrainingUpdate> {
    const id = enc(providerJobId);
    const job = await this.json("GET", `/fine-tunes/${id}`, togetherJobSchema);
    const { data: events } = await this.json("GET", `/fine-tunes/${id}/events`, togetherEventListSchema);
    const phase = phaseOf(job.status, events);
    const final = isTerminalPhase(phase);
    const metrics = await this.json("GET", `/fine-tunes/${id}/metrics?global_step_from=${cursor.metricsStep + 1}`, togetherMetricsSchema);
    const { data: saved } = await this.json("GET", `/fine-tunes/${id}/checkpoints`, togetherCheckpointListSchema);

    const totalSteps = Math.max(0, ...events.map((e) => e.total_steps ?? 0));
    const epochs = job.n_epochs ?? 1;
    const points = pointsFromMetrics(metrics.metrics ?? [], { totalSteps, epochs, final, after: cursor.metricsStep });
    const logs = logsFromEvents(events, cursor.logSeq);
    const checkpoints = checkpointsFrom(saved, { after: cursor.checkpointStep, totalSteps, epochs, points });
    const step = Math.min(
      totalSteps || Number.POSITIVE_INFINITY,
      Math.max(cursor.metricsStep, points.at(-1)?.step ?? 0, ...events.map((e) => e.step ?? 0)),
    );
    const started = phase !== "queued" && phase !== "initializing";
    const eta = job.progress?.estimate_available && !final ? job.progress.seconds_remaining : undefined;
    return {
      phase,
      providerStatus: job.status,
      ...(phase === "failed" ? { message: failureMessage(events) } : {}),
      step,
      totalSteps,
      epoch: started ? Math.min(epochs, (job.epochs_completed ?? 0) + 1) : 0,
      totalEpochs: epochs,
      progress: phase === "completed" ? 1 : totalSteps > 0 ? step / totalSteps : (job.epochs_completed ?? 0) / epochs,
      ...(eta !== undefined ? { etaSeconds: eta } : {}),
      points,
      logs,
      checkpoints,
      cursor: advanceCursor(cursor, { points, logs, checkpoints }),
    };
  }

  async cancel(providerJobId: string): Promise<TrainingHandle> {
    const id = enc(providerJobId);
    try {
      return this.handle(await this.json("POST", `/fine-tunes/${id}/cancel`, togetherJobSchema));
    } catch (err) {
      // Cancelling a job that already ended is refused; its end is the answer.
      if (!(err instanceof ProviderError) || (err.status !== 400 && err.status !== 409)) throw err;
      const job = await this.json("GET", `/fine-tunes/${id}`, togetherJobSchema);
      const handle = this.handle(job);
      if (!isTerminalPhase(handle.phase)) throw err;
      return handle;
    }
  }

  async downloadCheckpoint(providerJobId: string, step?: number): Promise<ArtifactFile[]> {
    const query = new URLSearchParams({ ft_id: providerJobId, checkpoint: "adapter" });
    if (step !== undefined) query.set("checkpoint_step", String(step));
    const res = await this.request("GET", `/finetune/download?${query}`, { accept: "*/*", timeout: TRANSFER_TIMEOUT_MS });
    const bytes = new Uint8Array(await res.arrayBuffer());
    try {
      return unpackArchive(bytes);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ProviderError(`Unexpected download from Together AI for ${providerJobId}: ${reason}`, {
        code: "failed",
        retryable: false,
        cause: err,
      });
    }
  }

  private async upload(file: TrainingFile): Promise<string> {
    const form = new FormData();
    form.set("purpose", "fine-tune");
    form.set("file_name", file.fileName);
    form.set("file_type", file.format);
    const bytes = await file.read();
    form.set("file", new Blob([new Uint8Array(bytes)], { type: "application/octet-stream" }), file.fileName);
    const uploaded = await this.json("POST", "/files/upload", togetherFileSchema, { form, timeout: TRANSFER_TIMEOUT_MS });
    return uploaded.id;
  }

  private handle(job: TogetherJob): TrainingHandle {
    const events = job.events ?? [];
    const phase = phaseOf(job.status, events);
    return { providerJobId: job.id, phase, providerStatus: job.status, ...(phase === "failed" ? { message: failureMessage(events) } : {}) };
  }

  /** A call answered by JSON of this shape. */
  private async json<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    opts: { body?: unknown; form?: FormData; timeout?: number } = {},
  ): Promise<z.infer<S>> {
    const res = await this.request(method, path, opts);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw new ProviderError(`Unexpected answer from Together AI to ${method} ${path.split("?")[0]}`, {
        code: "failed",
        retryable: true,
        status: res.status,
      });
    }
    return parsed.data;
  }

  private async request(
    method: string,
    path: string,
    opts: { body?: unknown; form?: FormData; accept?: string; timeout?: number } = {},
  ): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          accept: opts.accept ?? "application/json",
          ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : opts.form ? { body: opts.form } : {}),
        signal: AbortSignal.timeout(opts.timeout ?? TIMEOUT_MS),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ProviderError(`Together AI did not answer: ${reason}`, { code: "unavailable", retryable: true, cause: err });
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => "");
    throw new ProviderError(togetherMessage(res.status, text), { ...codeOf(res.status), status: res.status });
  }
}

const enc = encodeURIComponent;
