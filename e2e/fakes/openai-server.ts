/**
 * A local stand-in for the OpenAI Chat Completions API that speaks its wire format exactly:
 * `POST /v1/chat/completions` answers SSE chunks (`data: {json}\n\n` … `data: [DONE]\n\n`) shaped
 * like recorded OpenAI streams — a role chunk, text deltas or a tool call whose arguments arrive
 * in pieces, a finish chunk, a usage chunk when `stream_options.include_usage` — or a
 * `chat.completion` object when `stream` is false. The real `@ai-sdk/openai` provider parses it.
 *
 * What it answers (decided from the request, like a model would):
 *   - system "You write the title of a chat." → a short title
 *   - system "You write/revise the content of a <kind> document." → document content
 *   - system "You are an editor who suggests improvements…" → suggestions JSON
 *   - the last message is a tool result → a short text answer
 *   - the last user message mentions "essay" → a `createDocument` tool call (arguments streamed)
 *   - anything else → a streamed text answer
 * Failure scenarios, chosen by the header `x-fake-scenario: rate-limit | drop | bad-key`, by a
 * keyword in the last user message (`[fake:429]` / "simulate a rate limit", `[fake:drop]` /
 * "simulate a dropped connection"), or queued with `POST /__control {"scenario","times"}`:
 *   - rate-limit: HTTP 429 with OpenAI's JSON error body
 *   - drop: a few text chunks, then the TCP connection is destroyed mid-stream
 *   - bad-key: HTTP 401 invalid_api_key (also for a missing key or `Bearer bad-key`)
 * `GET /health` answers 200; `GET /__requests` lists recent request bodies; `DELETE /__requests` clears them.
 *
 * Run: `npx tsx e2e/fakes/openai-server.ts` (PORT, default 3199). Importable: `startFakeOpenAI({ port })`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

type Scenario = "rate-limit" | "drop" | "bad-key";

interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant" | "tool";
  content?: string | Array<{ type: string; text?: string }> | null;
  tool_calls?: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

interface ChatRequestBody {
  model?: string;
  messages?: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: Array<{ type: "function"; function: { name: string } }>;
  response_format?: { type: string };
}

type Reply = { kind: "text"; text: string; chunkWords: number } | { kind: "tool-call"; name: string; args: Record<string, unknown> };

const RATE_LIMIT_BODY = {
  error: {
    message:
      "Rate limit reached for gpt-4o-mini in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit https://platform.openai.com/account/rate-limits to learn more.",
    type: "requests",
    param: null,
    code: "rate_limit_exceeded",
  },
};

const BAD_KEY_BODY = {
  error: {
    message: "Incorrect API key provided: bad-key. You can find your API key at https://platform.openai.com/account/api-keys.",
    type: "invalid_request_error",
    param: null,
    code: "invalid_api_key",
  },
};

function contentText(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((p) => (p.type === "text" ? (p.text ?? "") : "")).join("");
}

function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === "user") return contentText(messages[i]?.content);
  return "";
}

function topicOf(text: string): string {
  const m = /\babout\s+([^.?!\n]+)/i.exec(text);
  return (m?.[1] ?? "this subject").replace(/\s+(for|in|with)\b.*$/i, "").trim();
}

function titleCase(s: string) {
  return s.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

function essay(topic: string): string {
  return [
    `# ${titleCase(topic)}`,
    "",
    `${titleCase(topic)} has shaped more of everyday life than most people notice. It is very easy to overlook, yet it connects history, habit and the choices people make.`,
    "",
    `Looking closely at ${topic} shows how small changes add up over time. Each generation inherits it, adapts it and passes it on a little different from before.`,
    "",
    `In the end, ${topic} rewards attention: the more carefully it is examined, the more interesting it becomes.`,
  ].join("\n");
}

/** Decides the reply from the request, the way the app's prompts set the task. */
function replyFor(body: ChatRequestBody): Reply {
  const messages = body.messages ?? [];
  const system = messages
    .filter((m) => m.role === "system" || m.role === "developer")
    .map((m) => contentText(m.content))
    .join("\n");
  const user = lastUserText(messages);

  if (system.startsWith("You write the title of a chat.")) {
    const topic = topicOf(user);
    return { kind: "text", text: /essay/i.test(user) ? `Essay about ${topic}` : user.split(/\s+/).slice(0, 5).join(" ") || "New conversation", chunkWords: 2 };
  }
  const doc = /^You (write|revise) the content of a (text|code|sheet) document\./.exec(system);
  if (doc) {
    const kind = doc[2];
    if (doc[1] === "revise") {
      const current = /<document>\n([\s\S]*)\n<\/document>/.exec(user)?.[1] ?? "";
      const lines = current.split("\n");
      const shorter = lines.slice(0, Math.max(1, Math.ceil(lines.length / 2))).join("\n");
      return { kind: "text", text: shorter || current, chunkWords: 3 };
    }
    const request = [...user.matchAll(/^user: (.*)$/gm)].map((m) => m[1] ?? "").at(-1) ?? user;
    if (kind === "code") return { kind: "text", text: 'def greet(name):\n    return f"Hello, {name}!"\n\n\nprint(greet("Radium"))\n', chunkWords: 2 };
    if (kind === "sheet") return { kind: "text", text: "Item,Quantity,Price\nApples,3,1.20\nBread,1,2.50\nMilk,2,0.99", chunkWords: 1 };
    return { kind: "text", text: essay(topicOf(request)), chunkWords: 3 };
  }
  if (system.startsWith("You are an editor who suggests improvements to a document.")) {
    const content = /<document>\n([\s\S]*)\n<\/document>/.exec(user)?.[1] ?? "";
    const sentence = /[^.\n#][^.\n]*very [^.\n]*\./.exec(content)?.[0]?.trim();
    const suggestions = sentence
      ? [{ originalText: sentence, suggestedText: sentence.replace(/very /, ""), description: "\"Very\" weakens the sentence." }]
      : [];
    return { kind: "text", text: JSON.stringify({ suggestions }), chunkWords: 50 };
  }

  const last = messages.at(-1);
  if (last?.role === "tool") {
    let title = "the document";
    try {
      const out = JSON.parse(contentText(last.content)) as { title?: string };
      if (out.title) title = out.title;
    } catch {
      // plain-text tool output
    }
    return { kind: "text", text: `I've created "${title}". It's open beside the chat.`, chunkWords: 1 };
  }
  if (/essay/i.test(user) && (body.tools ?? []).some((t) => t.function.name === "createDocument")) {
    return { kind: "tool-call", name: "createDocument", args: { title: `Essay about ${topicOf(user)}`, kind: "text" } };
  }
  return {
    kind: "text",
    text: `Hello from the fake OpenAI server. You said: "${user.slice(0, 200)}". This answer is streamed in Chat Completions chunks, token by token.`,
    chunkWords: 1,
  };
}

function scenarioFor(req: http.IncomingMessage, body: ChatRequestBody, queue: Scenario[]): Scenario | null {
  const header = String(req.headers["x-fake-scenario"] ?? "").trim();
  if (header === "rate-limit" || header === "drop" || header === "bad-key") return header;
  const auth = String(req.headers.authorization ?? "");
  if (!auth.startsWith("Bearer ") || auth === "Bearer bad-key") return "bad-key";
  const queued = queue.shift();
  if (queued) return queued;
  const user = lastUserText(body.messages ?? []);
  if (/\[fake:429\]|simulate a rate limit/i.test(user)) return "rate-limit";
  if (/\[fake:drop\]|simulate a dropped connection/i.test(user)) return "drop";
  return null;
}

function words(text: string, per: number): string[] {
  const pieces = text.match(/\s*\S+\s*/g) ?? [text];
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += per) out.push(pieces.slice(i, i + per).join(""));
  return out;
}

function argPieces(json: string): string[] {
  // Like recorded streams: an opening brace alone, then uneven slices.
  const cuts = [0, 1, Math.floor(json.length * 0.35), Math.floor(json.length * 0.7), json.length];
  return cuts.slice(0, -1).map((c, i) => json.slice(c, cuts[i + 1])).filter(Boolean);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface FakeOpenAIOptions {
  port?: number;
  host?: string;
  /** Pause between streamed chunks. */
  chunkDelayMs?: number;
}

export interface FakeOpenAI {
  url: string;
  port: number;
  requests: ChatRequestBody[];
  /** Makes the next `times` completion requests fail with `scenario`. */
  enqueue(scenario: Scenario, times?: number): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const delay = opts.chunkDelayMs ?? 15;
  const requests: ChatRequestBody[] = [];
  const queue: Scenario[] = [];
  let seq = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && url.pathname === "/health") return send(200, { status: "ok" });
    if (url.pathname === "/__requests") {
      if (req.method === "DELETE") requests.length = 0;
      return send(200, requests);
    }

    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (req.method === "POST" && url.pathname === "/__control") {
      const { scenario, times } = JSON.parse(raw || "{}") as { scenario?: Scenario; times?: number };
      if (scenario) for (let i = 0; i < (times ?? 1); i++) queue.push(scenario);
      return send(200, { queued: queue.length });
    }
    if (req.method !== "POST" || !/^(\/v1)?\/chat\/completions$/.test(url.pathname)) {
      return send(404, { error: { message: `Unknown path ${url.pathname}`, type: "invalid_request_error", param: null, code: null } });
    }

    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      return send(400, { error: { message: "We could not parse the JSON body of your request.", type: "invalid_request_error", param: null, code: null } });
    }
    requests.push(body);
    if (requests.length > 200) requests.shift();

    const scenario = scenarioFor(req, body, queue);
    const requestId = `req_fake${++seq}`;
    if (scenario === "bad-key") return send(401, BAD_KEY_BODY, { "x-request-id": requestId });
    if (scenario === "rate-limit") {
      return send(429, RATE_LIMIT_BODY, {
        "x-request-id": requestId,
        "retry-after": "1",
        "retry-after-ms": "100",
        "x-ratelimit-limit-requests": "3",
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": "20s",
      });
    }

    const model = body.model ?? "gpt-4o-mini";
    const id = `chatcmpl-fake${seq}${Date.now().toString(36)}`;
    const created = Math.floor(Date.now() / 1000);
    const reply = replyFor(body);
    const promptTokens = Math.ceil(JSON.stringify(body.messages ?? []).length / 4);
    const completionText = reply.kind === "text" ? reply.text : JSON.stringify(reply.args);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: Math.ceil(completionText.length / 4),
      total_tokens: promptTokens + Math.ceil(completionText.length / 4),
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    };
    const callId = `call_${Math.random().toString(36).slice(2, 12)}`;

    if (!body.stream) {
      if (scenario === "drop") return void req.socket.destroy();
      const message =
        reply.kind === "text"
          ? { role: "assistant", content: reply.text, refusal: null, annotations: [] }
          : {
              role: "assistant",
              content: null,
              refusal: null,
              annotations: [],
              tool_calls: [{ id: callId, type: "function", function: { name: reply.name, arguments: JSON.stringify(reply.args) } }],
            };
      return send(
        200,
        {
          id,
          object: "chat.completion",
          created,
          model,
          choices: [{ index: 0, message, logprobs: null, finish_reason: reply.kind === "text" ? "stop" : "tool_calls" }],
          usage,
          service_tier: "default",
          system_fingerprint: "fp_fake0001",
        },
        { "x-request-id": requestId },
      );
    }

    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive", "x-request-id": requestId });
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, service_tier: "default", system_fingerprint: "fp_fake0001", choices, ...extra })}\n\n`;
    const write = async (text: string) => {
      if (res.destroyed) return;
      res.write(text);
      if (delay > 0) await sleep(delay);
    };

    if (reply.kind === "text") {
      await write(chunk([{ index: 0, delta: { role: "assistant", content: "", refusal: null }, logprobs: null, finish_reason: null }]));
      const pieces = words(reply.text, reply.chunkWords);
      for (const [i, piece] of pieces.entries()) {
        if (scenario === "drop" && i === Math.min(3, pieces.length - 1)) {
          await sleep(20);
          req.socket.destroy();
          return;
        }
        await write(chunk([{ index: 0, delta: { content: piece }, logprobs: null, finish_reason: null }]));
      }
      await write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: "stop" }]));
    } else {
      await write(
        chunk([
          {
            index: 0,
            delta: { role: "assistant", content: null, tool_calls: [{ index: 0, id: callId, type: "function", function: { name: reply.name, arguments: "" } }], refusal: null },
            logprobs: null,
            finish_reason: null,
          },
        ]),
      );
      for (const piece of argPieces(JSON.stringify(reply.args))) {
        if (scenario === "drop") {
          req.socket.destroy();
          return;
        }
        await write(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, logprobs: null, finish_reason: null }]));
      }
      await write(chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: "tool_calls" }]));
    }
    if (body.stream_options?.include_usage) await write(chunk([], { usage }));
    if (!res.destroyed) res.end("data: [DONE]\n\n");
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    enqueue(scenario, times = 1) {
      for (let i = 0; i < times; i++) queue.push(scenario);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `npx tsx e2e/fakes/openai-server.ts`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 3199);
  startFakeOpenAI({ port, chunkDelayMs: Number(process.env.FAKE_OPENAI_DELAY_MS ?? 15) }).then((fake) => {
    console.info(`[fake-openai] listening on ${fake.url}`);
  });
}
