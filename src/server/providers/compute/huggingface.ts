/**
 * Hugging Face Inference Endpoints (API v2): `{base}/v2/endpoint/{namespace}[/{name}[/pause|/resume|/logs]]`
 * with `Authorization: Bearer <token>`. The provider id is the endpoint's name in the namespace.
 * Tested against tests/fakes/hf-endpoints-server.ts, a local counterpart of the public API.
 */
import "server-only";
import { z } from "zod";
import { endpointName, type HfEndpoint, hfEndpointSchema, statusFromEndpoint, toCreatePayload } from "./huggingface-payload";
import {
  type ComputeHandle,
  type ComputeProvider,
  type ComputeSpec,
  type ComputeStatus,
  ProviderError,
  type ProviderErrorCode,
} from "./types";

export const HF_DEFAULT_API_BASE_URL = "https://api.endpoints.huggingface.cloud";
const TIMEOUT_MS = 30_000;
const MAX_LOG_LINES = 500;

export interface HuggingFaceOptions {
  token: string;
  namespace: string;
  /** The API origin (default https://api.endpoints.huggingface.cloud); `/v2/...` is appended. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const errorBody = z.object({
  error: z.union([z.string(), z.array(z.unknown())]).optional(),
  errors: z.array(z.unknown()).optional(),
  message: z.string().optional(),
});

/** The provider's own words for a failed call: the X-Error-Message header, `{error}`, `{errors:[{message}]}` or the text. */
export function providerMessage(status: number, statusText: string, text: string, header: string | null): string {
  if (header) return header;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: the text itself is the message.
  }
  const body = errorBody.safeParse(json);
  if (body.success) {
    const { error, errors, message } = body.data;
    if (typeof error === "string" && error) return error;
    if (Array.isArray(error) && error.length) return error.map(String).join("; ");
    if (errors?.length) return errors.map((e) => (hasMessage(e) ? e.message : String(e))).join("; ");
    if (message) return message;
  }
  const trimmed = text.trim();
  return trimmed ? trimmed.slice(0, 500) : `HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
}

const hasMessage = (e: unknown): e is { message: string } =>
  typeof e === "object" && e !== null && "message" in e && typeof e.message === "string";

function codeOf(status: number): { code: ProviderErrorCode; retryable: boolean } {
  if (status === 400 || status === 422) return { code: "invalid", retryable: false };
  if (status === 401 || status === 403) return { code: "unauthorized", retryable: false };
  if (status === 404) return { code: "not_found", retryable: false };
  if (status === 409) return { code: "conflict", retryable: false };
  if (status === 408 || status === 429 || status >= 500) return { code: "unavailable", retryable: true };
  return { code: "failed", retryable: false };
}

/** A scaled-to-zero endpoint typically serves again within a minute (the model is reloaded). */
const HF_WAKE_ESTIMATE_MS = 60_000;

export class HuggingFaceEndpoints implements ComputeProvider {
  readonly kind = "huggingface" as const;
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: HuggingFaceOptions) {
    const origin = (options.baseUrl ?? HF_DEFAULT_API_BASE_URL).replace(/\/+$/, "");
    this.base = `${origin}/v2/endpoint/${encodeURIComponent(options.namespace)}`;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async create(spec: ComputeSpec): Promise<ComputeHandle> {
    try {
      return this.handle(await this.call("POST", "", toCreatePayload(spec)));
    } catch (err) {
      // A retried create: the name is derived from the deployment id, so an endpoint holding it with
      // the same model is the one the first attempt made.
      if (!(err instanceof ProviderError) || !(err.code === "conflict" || /already exists/i.test(err.message))) throw err;
      const existing = await this.read(endpointName(spec)).catch(() => undefined);
      if (existing?.model.repository !== spec.model.repository) throw err;
      return this.handle(existing);
    }
  }

  async get(providerId: string): Promise<ComputeStatus> {
    return statusFromEndpoint(await this.read(providerId));
  }

  /**
   * Hugging Face wakes a scaled-to-zero endpoint on its next request: one goes to its health route,
   * and the answer is how long to expect (a replica's start), or 0 when one is running.
   */
  async wake(providerId: string): Promise<number> {
    const status = await this.get(providerId);
    if (status.providerState === "scaledToZero" && status.url) {
      // Any request to the endpoint starts a replica; the answer (a 503 while it loads) is not needed.
      void this.fetch(`${status.url.replace(/\/+$/, "")}/health`, {
        headers: { authorization: `Bearer ${this.options.token}` },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
        .then((res) => res.body?.cancel())
        .catch(() => {});
      return HF_WAKE_ESTIMATE_MS;
    }
    if (status.providerState === "initializing" || status.providerState === "updating") return HF_WAKE_ESTIMATE_MS / 2;
    return 0;
  }

  async pause(providerId: string): Promise<ComputeHandle> {
    return this.handle(await this.call("POST", `/${encodeURIComponent(providerId)}/pause`));
  }

  async resume(providerId: string): Promise<ComputeHandle> {
    try {
      return this.handle(await this.call("POST", `/${encodeURIComponent(providerId)}/resume`));
    } catch (err) {
      // The API refuses to resume a running endpoint (400 "already running"): that is the wanted state.
      if (err instanceof ProviderError && err.status === 400 && /already running/i.test(err.message)) {
        return this.handle(await this.read(providerId));
      }
      throw err;
    }
  }

  async delete(providerId: string): Promise<void> {
    try {
      await this.request("DELETE", `/${encodeURIComponent(providerId)}`);
    } catch (err) {
      if (err instanceof ProviderError && err.code === "not_found") return;
      throw err;
    }
  }

  async logs(providerId: string): Promise<string[]> {
    const text = await (await this.request("GET", `/${encodeURIComponent(providerId)}/logs`, undefined, "text/plain")).text();
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== "")
      .slice(-MAX_LOG_LINES);
  }

  private read(name: string): Promise<HfEndpoint> {
    return this.call("GET", `/${encodeURIComponent(name)}`);
  }

  private handle(endpoint: HfEndpoint): ComputeHandle {
    return { providerId: endpoint.name, ...statusFromEndpoint(endpoint) };
  }

  /** A call answered by an endpoint object. */
  private async call(method: string, path: string, body?: unknown): Promise<HfEndpoint> {
    const res = await this.request(method, path, body);
    const parsed = hfEndpointSchema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw new ProviderError(`Unexpected answer from Hugging Face to ${method} ${path || "/"}`, {
        code: "failed",
        retryable: true,
        status: res.status,
      });
    }
    return parsed.data;
  }

  private async request(method: string, path: string, body?: unknown, accept = "application/json"): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          accept,
          ...(body !== undefined ? { "content-type": "application/json" } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new ProviderError(`Hugging Face Inference Endpoints did not answer: ${reason}`, {
        code: "unavailable",
        retryable: true,
        cause: err,
      });
    }
    if (res.ok) return res;
    const text = await res.text().catch(() => "");
    const message = providerMessage(res.status, res.statusText, text, res.headers.get("x-error-message"));
    throw new ProviderError(message, { ...codeOf(res.status), status: res.status });
  }
}
