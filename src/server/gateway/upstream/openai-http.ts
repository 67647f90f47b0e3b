/**
 * An OpenAI-compatible server upstream: RADIUM_SIM_UPSTREAM_URL (vLLM, Ollama, LM Studio…) for
 * simulator deployments, a Hugging Face endpoint's `/v1` route for real ones. The request is
 * forwarded with the upstream's own model name and credentials; a stream is read one SSE event per
 * pull, so a slow client slows the upstream read (back-pressure) and a gone client aborts it.
 */
import "server-only";
import type { ChatRequest } from "../request";
import { SseParser } from "../sse";
import type { ChatCompletion, ChatCompletionChunk } from "../wire";
import { type Upstream, type UpstreamCall, UpstreamError, type UpstreamResult } from "./types";

export interface OpenAIHttpOptions {
  /** Base URL including the version segment, e.g. http://127.0.0.1:8000/v1. */
  baseUrl: string;
  apiKey?: string;
  /** The model name the upstream serves (vLLM: the repository id; TGI ignores it). */
  model: string;
  fetch?: typeof fetch;
  /** Headers and connection (not the whole answer): a server that accepts and says nothing fails. */
  connectTimeoutMs?: number;
}

/** What we forward: the vetted parameters, the upstream's model name, usage always asked for when streaming. */
function forwardBody(body: ChatRequest, model: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body, model };
  // Older servers (TGI) know only max_tokens; the newer name wins when both are given.
  if (body.max_completion_tokens != null) {
    out.max_tokens = body.max_completion_tokens;
    delete out.max_completion_tokens;
  }
  if (body.stream) out.stream_options = { include_usage: true };
  else delete out.stream_options;
  for (const [k, v] of Object.entries(out)) if (v === null || v === undefined) delete out[k];
  return out;
}

function retryAfterOf(res: Response): number | undefined {
  const v = Number(res.headers.get("retry-after"));
  return Number.isFinite(v) && v > 0 ? Math.ceil(v) : undefined;
}

async function upstreamMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const j = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const m = typeof j.error === "string" ? j.error : (j.error?.message ?? j.message);
    if (m) return String(m).slice(0, 500);
  } catch {
    // not JSON: the text itself, shortened
  }
  return text.slice(0, 200) || res.statusText || `status ${res.status}`;
}

export class OpenAIHttpUpstream implements Upstream {
  readonly kind = "openai-compatible" as const;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: OpenAIHttpOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async complete({ body, signal }: UpstreamCall): Promise<UpstreamResult> {
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
    const connect = AbortSignal.timeout(this.options.connectTimeoutMs ?? 30_000);
    let res: Response;
    try {
      res = await this.fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: body.stream ? "text/event-stream" : "application/json",
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        body: JSON.stringify(forwardBody(body, this.options.model)),
        signal: AbortSignal.any([signal, connect]),
      });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new UpstreamError(0, connect.aborted ? "The model server did not answer in time." : "The model server could not be reached.");
    }
    if (!res.ok) throw new UpstreamError(res.status, await upstreamMessage(res), retryAfterOf(res));
    if (!body.stream) {
      const completion = (await res.json().catch(() => null)) as ChatCompletion | null;
      if (!completion || !Array.isArray(completion.choices)) throw new UpstreamError(502, "The model server sent an answer that is not a chat completion.");
      return { kind: "json", completion };
    }
    if (!res.body) throw new UpstreamError(502, "The model server sent no stream.");
    return { kind: "stream", chunks: chunkStream(res.body) };
  }
}

/** The SSE body as chunk objects, one upstream read per pull; `[DONE]` ends it; an error event fails it. */
function chunkStream(body: ReadableStream<Uint8Array>): ReadableStream<ChatCompletionChunk> {
  const reader = body.getReader();
  const parser = new SseParser();
  const pending: string[] = [];
  let finished = false;
  return new ReadableStream<ChatCompletionChunk>(
    {
      async pull(controller) {
        for (;;) {
          const data = pending.shift();
          if (data !== undefined) {
            if (data === "[DONE]") {
              finished = true;
              await reader.cancel().catch(() => {});
              return controller.close();
            }
            let parsed: unknown;
            try {
              parsed = JSON.parse(data);
            } catch {
              continue; // a keep-alive or a malformed event: skip it
            }
            const p = parsed as { error?: { message?: string } } & Partial<ChatCompletionChunk>;
            if (p.error) return controller.error(new UpstreamError(502, String(p.error.message ?? "The model server failed mid-stream.")));
            if (!Array.isArray(p.choices)) continue;
            controller.enqueue(p as ChatCompletionChunk);
            return;
          }
          if (finished) return controller.close();
          const { done, value } = await reader.read();
          pending.push(...parser.push(value, done));
          if (done) {
            finished = true;
            if (pending.length === 0) return controller.close();
          }
        }
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}
