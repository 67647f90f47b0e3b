// The chat bench's HTTP client: sign in, one chat turn through POST /api/chat, and the same kind of
// answer streamed straight from the OpenAI-compatible upstream. Every answer is checked, so a
// broken stream fails the bench (and its BENCH_QUICK smoke) instead of timing an error.
import http from "node:http";
import zlib from "node:zlib";
import { serverTimingSteps } from "./_stats";

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

export interface StreamTiming {
  /** ms from sending the request to the first text delta reaching the client. */
  first: number;
  /** ms to the end of the response body. */
  total: number;
}

export interface ChatTiming extends StreamTiming {
  /** The route's Server-Timing phases (ms). */
  steps: Record<string, number>;
}


interface Streamed extends ChatTiming {
  status: number;
  body: string;
}

/** POSTs and reads the answer, noting when `firstMark` first appears in the body. */
function post(url: string, body: string, headers: Record<string, string>, firstMark: RegExp): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first = Number.NaN;
    let text = "";
    // Asks for gzip as browsers do (Next compresses, flushing each chunk), and inflates as it reads.
    const sent = { "content-length": String(Buffer.byteLength(body)), "accept-encoding": "gzip", ...headers };
    const req = http.request(url, { method: "POST", agent, headers: sent }, (res) => {
      const gz = res.headers["content-encoding"] === "gzip";
      const stream = gz ? res.pipe(zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })) : res;
      stream.setEncoding("utf8");
      stream.on("data", (c: string) => {
        text += c;
        if (Number.isNaN(first) && firstMark.test(text)) first = performance.now() - t0;
      });
      stream.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, first, total: performance.now() - t0, steps: serverTimingSteps(res.headers["server-timing"]) }));
      stream.on("error", reject);
      if (gz) res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Signs in with the local sign-in form; returns the session cookie. */
export function signIn(base: string): Promise<string> {
  const form = new URLSearchParams({ name: "Chat Bench", email: "chat-bench@example.com" }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}/api/auth/local/sign-in`,
      { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(form)) } },
      (res) => {
        res.resume();
        const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!).find((c) => c.startsWith("radium_session="));
        res.on("end", () => (cookie ? resolve(cookie) : reject(new Error(`sign-in answered ${res.statusCode} without a session cookie`))));
      },
    );
    req.on("error", reject);
    req.end(form);
  });
}

/** SSE events of a body, parsed (`[DONE]` as the string). */
function events(body: string): unknown[] {
  return body
    .split("\n")
    .filter((l) => l.startsWith("data: "))
    .map((l) => l.slice(6))
    .map((d) => (d === "[DONE]" ? d : JSON.parse(d)));
}

type UIChunk = { type: string; delta?: string; errorText?: string };

/** One turn in a chat: `expectTitle` for a chat's first message (its title must arrive in the stream). */
export async function chatTurn(base: string, cookie: string, t: { chatId: string; model: string; text: string; expectTitle: boolean }): Promise<ChatTiming> {
  const body = JSON.stringify({
    id: t.chatId,
    trigger: "submit-message",
    model: t.model,
    message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: t.text }] },
  });
  const r = await post(`${base}/api/chat`, body, { "content-type": "application/json", cookie }, /"type":"text-delta"/);
  if (r.status !== 200) throw new Error(`/api/chat answered ${r.status}: ${r.body.slice(0, 300)}`);
  const chunks = events(r.body) as Array<UIChunk | "[DONE]">;
  const parts = chunks.filter((c): c is UIChunk => c !== "[DONE]");
  const failed = parts.find((c) => c.type === "error");
  if (failed) throw new Error(`/api/chat streamed an error: ${failed.errorText}`);
  if (!parts.some((c) => c.type === "text-delta") || chunks.at(-1) !== "[DONE]" || !parts.some((c) => c.type === "finish")) {
    throw new Error(`/api/chat stream is incomplete: ${r.body.slice(0, 300)}`);
  }
  if (t.expectTitle && !parts.some((c) => c.type === "data-chat-title")) throw new Error("/api/chat: a new chat's stream carried no title");
  return { first: r.first, total: r.total, steps: r.steps };
}

/** The same kind of streamed answer asked of the upstream directly: the floor the app adds to. */
export async function directStream(upstream: string, model: string): Promise<StreamTiming> {
  const body = JSON.stringify({ model, stream: true, messages: [{ role: "user", content: "What is a radium clock?" }] });
  const r = await post(`${upstream}/chat/completions`, body, { "content-type": "application/json", authorization: "Bearer bench-key" }, /"content":"[^"]/);
  if (r.status !== 200 || !r.body.includes("data: [DONE]")) throw new Error(`upstream answered ${r.status}: ${r.body.slice(0, 300)}`);
  return { first: r.first, total: r.total };
}
