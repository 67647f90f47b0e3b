/**
 * A local OpenAI-compatible model server (what vLLM, Ollama or LM Studio answer on /v1), written
 * from the Chat Completions wire format: `POST /v1/chat/completions` (JSON, or SSE chunks ending in
 * `data: [DONE]` with a usage chunk when `stream_options.include_usage`), `GET /v1/models`, Bearer
 * auth when a key is set, and OpenAI-shaped errors. It records every request and every client that
 * went away before its answer ended (`aborts`, `nextAbort()`), so tests can see an abort arrive.
 *
 *   FAKE_OPENAI_PORT=8791 npx tsx tests/fakes/openai-upstream.ts     (zero delay; for the bench)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface FakeOpenAIOptions {
  port?: number;
  /** Required Bearer token; unset: any. */
  apiKey?: string;
  /** The reply's words (sent one per chunk). */
  reply?: string;
  /** Pause before each streamed chunk (0: none). */
  chunkDelayMs?: number;
  /** Send no usage at all (the gateway must count tokens itself). */
  omitUsage?: boolean;
}

export interface FakeOpenAIRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

const DEFAULT_REPLY = "Hello from the fake upstream, one word at a time.";

/**
 * Answers one chat completions request as an OpenAI-compatible server does (shared with the Hugging
 * Face fake's endpoints): JSON, or SSE chunks one word each with `[DONE]` and, when asked, usage.
 */
export async function writeChatCompletion(
  res: http.ServerResponse,
  body: Record<string, unknown>,
  opts: { reply?: string; chunkDelayMs?: number; omitUsage?: boolean; id?: string; onAbort?: () => void } = {},
) {
  const reply = opts.reply ?? DEFAULT_REPLY;
  const model = String(body.model ?? "fake-model");
  const words = reply.split(" ");
  const id = opts.id ?? "chatcmpl-fake";
  const created = Math.floor(Date.now() / 1000);
  const promptTokens = JSON.stringify(body.messages ?? []).length >> 2;
  const usage = { prompt_tokens: promptTokens, completion_tokens: words.length, total_tokens: promptTokens + words.length };
  if (!body.stream) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id,
        object: "chat.completion",
        created,
        model,
        choices: [{ index: 0, message: { role: "assistant", content: reply }, logprobs: null, finish_reason: "stop" }],
        ...(opts.omitUsage ? {} : { usage }),
      }),
    );
    return;
  }
  let finished = false;
  res.on("close", () => {
    if (!finished) opts.onAbort?.();
  });
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const send = (payload: unknown) =>
    new Promise<void>((resolve) => {
      // Back-pressure: wait for the socket to drain before writing more.
      if (res.write(`data: ${typeof payload === "string" ? payload : JSON.stringify(payload)}\n\n`)) resolve();
      else res.once("drain", () => resolve());
    });
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  await send(chunk({ role: "assistant", content: "" }));
  for (let i = 0; i < words.length; i++) {
    if (res.destroyed) return;
    if (opts.chunkDelayMs) await new Promise((r) => setTimeout(r, opts.chunkDelayMs));
    if (res.destroyed) return;
    await send(chunk({ content: i === 0 ? words[i] : ` ${words[i]}` }));
  }
  await send(chunk({}, "stop"));
  const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
  if (streamOptions?.include_usage && !opts.omitUsage) await send({ ...chunk({}), choices: [], usage });
  await send("[DONE]");
  finished = true;
  res.end();
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}) {
  const requests: FakeOpenAIRequest[] = [];
  let aborts = 0;
  let abortWaiters: Array<() => void> = [];
  let failNext: { status: number; message: string; headers?: Record<string, string> } | null = null;
  const config = { chunkDelayMs: options.chunkDelayMs ?? 0, reply: options.reply ?? DEFAULT_REPLY };

  function sendError(res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ error: { message, type: status === 401 ? "invalid_request_error" : "server_error", param: null, code: null } }));
  }

  async function complete(res: http.ServerResponse, body: Record<string, unknown>) {
    await writeChatCompletion(res, body, {
      reply: config.reply,
      chunkDelayMs: config.chunkDelayMs,
      omitUsage: options.omitUsage,
      id: `chatcmpl-fake${requests.length}`,
      onAbort: () => {
        aborts++;
        for (const w of abortWaiters) w();
        abortWaiters = [];
      },
    });
  }

  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    const parts: Buffer[] = [];
    for await (const p of req) parts.push(p as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = parts.length ? (JSON.parse(Buffer.concat(parts).toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      return sendError(res, 400, "invalid JSON");
    }
    requests.push({ path, authorization: req.headers.authorization, body });
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) return sendError(res, 401, "Invalid API key");
    if (failNext) {
      const f = failNext;
      failNext = null;
      return sendError(res, f.status, f.message, f.headers);
    }
    if (req.method === "GET" && path === "/v1/models") {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ object: "list", data: [{ id: "fake-model", object: "model", created: 0, owned_by: "fake" }] }));
    }
    if (req.method === "POST" && path === "/v1/chat/completions") return complete(res, body);
    sendError(res, 404, `no route ${req.method} ${path}`);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    /** The OpenAI-compatible base URL, `/v1` included. */
    url: `http://127.0.0.1:${port}/v1`,
    reply: () => config.reply,
    requests,
    get aborts() {
      return aborts;
    },
    /** Resolves when the next client goes away mid-stream. */
    nextAbort: () => new Promise<void>((resolve) => abortWaiters.push(resolve)),
    setChunkDelay: (ms: number) => {
      config.chunkDelayMs = ms;
    },
    setReply: (reply: string) => {
      config.reply = reply;
    },
    failNext: (status: number, message: string, headers?: Record<string, string>) => {
      failNext = { status, message, headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeOpenAI = Awaited<ReturnType<typeof startFakeOpenAI>>;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = await startFakeOpenAI({ port: Number(process.env.FAKE_OPENAI_PORT ?? 0) });
  process.stdout.write(`openai fake listening on ${fake.url}\n`);
}
