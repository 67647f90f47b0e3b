/**
 * The response body of a streaming call: upstream chunks re-encoded as SSE with the caller's model
 * name, pulled one at a time (a slow client slows the upstream read), the usage chunk passed on
 * only when `stream_options.include_usage` asked for it (computed with the tokenizer when the
 * upstream sent none), `[DONE]` at the end. A client that goes away cancels the upstream.
 */
import { sseData, sseDone } from "./sse";
import { countText } from "./tokens";
import { UpstreamError } from "./upstream/types";
import { type ChatCompletionChunk, type Usage, usageOf } from "./wire";

export interface StreamOutcome {
  /** ms from the request's start to the first content (or tool call) chunk; null if none came. */
  ttftMs: number | null;
  usage: Usage;
  /** Whether the usage came from the upstream (else counted here). */
  upstreamUsage: boolean;
  text: string;
  /** null: completed; "client_closed": the caller went away; else the upstream's failure. */
  errorCode: string | null;
}

export interface StreamOptions {
  chunks: ReadableStream<ChatCompletionChunk>;
  model: string;
  includeUsage: boolean;
  /** performance.now() when the request arrived. */
  startedAt: number;
  promptTokens: number;
  /** Keep the reply's text (for request logging) — at most this many characters; 0 keeps none. */
  keepText: number;
  /** Stops the upstream request (the client went away). */
  abort: (reason?: unknown) => void;
  /** Aborted once the client has gone (the upstream read then fails: that is not the upstream's fault). */
  signal: AbortSignal;
  onEnd: (outcome: StreamOutcome) => void;
}

function deltaText(chunk: ChatCompletionChunk): string {
  let text = "";
  for (const c of chunk.choices) {
    if (c.delta.content) text += c.delta.content;
    for (const t of c.delta.tool_calls ?? []) text += t.function?.arguments ?? "";
  }
  return text;
}

const hasOutput = (chunk: ChatCompletionChunk) =>
  chunk.choices.some((c) => Boolean(c.delta.content) || Boolean(c.delta.tool_calls?.length) || Boolean(c.delta.refusal));

export function sseStream(opts: StreamOptions): ReadableStream<Uint8Array> {
  const reader = opts.chunks.getReader();
  let ttftMs: number | null = null;
  let usage: Usage | null = null;
  let counted = "";
  let ended = false;
  const end = async (errorCode: string | null) => {
    if (ended) return;
    ended = true;
    const upstreamUsage = usage !== null;
    const final = usage ?? usageOf(opts.promptTokens, await countText(counted));
    opts.onEnd({ ttftMs, usage: final, upstreamUsage, text: opts.keepText ? counted.slice(0, opts.keepText) : "", errorCode });
    return final;
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          let next: ReadableStreamReadResult<ChatCompletionChunk>;
          try {
            next = await reader.read();
          } catch (err) {
            if (opts.signal.aborted) {
              await end("client_closed");
              controller.error(err);
              return;
            }
            const message = err instanceof UpstreamError ? err.message : "The model server stopped answering mid-stream.";
            controller.enqueue(sseData({ error: { message, type: "server_error", param: null, code: "upstream_error" } }));
            controller.close();
            await end("upstream_error");
            return;
          }
          if (next.done) {
            // A cancelled stream ends its pending read as "done": that is the client leaving, not the end.
            if (opts.signal.aborted) {
              await end("client_closed");
              return;
            }
            const sentUsage = usage !== null;
            const final = await end(null);
            if (opts.includeUsage && !sentUsage && final) {
              controller.enqueue(
                sseData({ id: "usage", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: opts.model, choices: [], usage: final }),
              );
            }
            controller.enqueue(sseDone());
            controller.close();
            return;
          }
          const chunk = next.value;
          if (chunk.usage) usage = chunk.usage;
          // The usage chunk (no choices): passed on only when asked for.
          if (chunk.choices.length === 0 && !opts.includeUsage) continue;
          if (!opts.includeUsage && chunk.usage) delete chunk.usage;
          if (ttftMs === null && hasOutput(chunk)) ttftMs = Math.round(performance.now() - opts.startedAt);
          if (counted.length < 1_000_000) counted += deltaText(chunk);
          chunk.model = opts.model;
          controller.enqueue(sseData(chunk));
          return;
        }
      },
      async cancel(reason) {
        opts.abort(reason);
        await reader.cancel(reason).catch(() => {});
        await end("client_closed");
      },
    },
    { highWaterMark: 0 },
  );
}
