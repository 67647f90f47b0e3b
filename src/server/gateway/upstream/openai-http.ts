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
import { type HttpAnswer, HttpTimeoutError, httpPost } from "./http-post";
import { type Upstream, type UpstreamCall, UpstreamError, type UpstreamResult } from "./types";

export interface OpenAIHttpOptions {
  /** Base URL including the version segment, e.g. http://127.0.0.1:8000/v1. */
  baseUrl: string;
  apiKey?: string;
  /** The model name the upstream serves (vLLM: the repository id; TGI ignores it). */
  model: string;
  /** Until the answer's headers (not the whole answer): a server that accepts and says nothing fails. */
  headersTimeoutMs?: number;
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

function retryAfterOf(res: HttpAnswer): number | undefined {
  const v = Number(res.header("retry-after"));
  return Number.isFinite(v) && v > 0 ? Math.ceil(v) : undefined;
}

async function upstreamMessage(res: HttpAnswer): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const j = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const m = typeof j.error === "string" ? j.error : (j.error?.message ?? j.message);
    if (m) return String(m).slice(0, 500);
  } catch {
    // not JSON: the text itself, shortened
  }
  return text.slice(0, 200) || `status ${res.status}`;
}

export class OpenAIHttpUpstream implements Upstream {
  readonly kind = "openai-compatible" as const;

  constructor(private readonly options: OpenAIHttpOptions) {}

  async complete({ body, signal }: UpstreamCall): Promise<UpstreamResult> {
    const url = `${this.options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
    let res: HttpAnswer;
    try {
      res = await httpPost(
        url,
        {
          "content-type": "application/json",
          accept: body.stream ? "text/event-stream" : "application/json",
          ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
        },
        JSON.stringify(forwardBody(body, this.options.model)),
        { signal, headersTimeoutMs: this.options.headersTimeoutMs ?? 30_000 },
      );
    } catch (err) {
      if (signal.aborted) throw err;
      throw new UpstreamError(0, err instanceof HttpTimeoutError ? "The model server did not answer in time." : "The model server could not be reached.");
    }
    if (res.status < 200 || res.status >= 300) throw new UpstreamError(res.status, await upstreamMessage(res), retryAfterOf(res));
    if (!body.stream) {
      let completion: ChatCompletion | null = null;
      try {
        completion = JSON.parse(await res.text()) as ChatCompletion;
      } catch {
        completion = null;
      }
      if (!completion || !Array.isArray(completion.choices)) throw new UpstreamError(502, "The model server sent an answer that is not a chat completion.");
      return { kind: "json", completion };
    }
    return { kind: "stream", chunks: chunkStream(res) };
  }
}

/** The SSE body as chunk objects, one upstream read per pull; `[DONE]` ends it; an error event fails it. */
function chunkStream(res: HttpAnswer): ReadableStream<ChatCompletionChunk> {
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
              res.release();
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
          const { done, value } = await res.next();
          pending.push(...parser.push(done ? undefined : value, done));
          if (done) {
            finished = true;
            if (pending.length === 0) return controller.close();
          }
        }
      },
      cancel(reason) {
        res.destroy(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
