// Chat streaming overhead: the same stub model stream read directly versus through the real
// POST /api/chat handler (JSON body → zod → local-session auth → ownership and daily-limit
// queries → user message saved → UI message stream over SSE → answer saved), on PGlite in memory.
// Reports medians of time to the first streamed token and of the total time, 50 runs each.
// The bar: the reference app adds ~13 ms before the first token; the aim is under 6.5 ms.
import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { simulateReadableStream } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { connect, migrateDb } from "@/server/db/connect";
import { setConnectionForTesting } from "@/server/db";
import { localUserIdFor } from "@/server/auth/local-session";
import { startLocalSession } from "@/server/auth/local-session-store";
import { upsertUser } from "@/server/users/ensure-user";
import { registerChatModelForTesting } from "@/server/ai/models";
import { createChat } from "@/server/chat/chats";
import { insertMessage } from "@/server/chat/messages";
import { settleChatWork } from "@/server/chat/respond";
import { ms, summarize } from "./_stats";

const RUNS = 50;
const WARMUP = 10;
const TOKENS = 40;
/** Like a provider: the first token after a pause, then a steady trickle. */
const FIRST_TOKEN_DELAY_MS = 20;
const TOKEN_DELAY_MS = 1;

function stubStream(): ReadableStream<LanguageModelV4StreamPart> {
  const usage = { inputTokens: { total: 50, noCache: 50, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: TOKENS, text: TOKENS, reasoning: 0 } };
  const chunks: LanguageModelV4StreamPart[] = [
    { type: "stream-start", warnings: [] },
    { type: "text-start", id: "t" },
    ...Array.from({ length: TOKENS }, (_, i) => ({ type: "text-delta" as const, id: "t", delta: `token${i} ` })),
    { type: "text-end", id: "t" },
    { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
  ];
  return simulateReadableStream({ chunks, initialDelayInMs: FIRST_TOKEN_DELAY_MS, chunkDelayInMs: TOKEN_DELAY_MS });
}

export default async function run() {
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.CHAT_DAILY_MESSAGE_LIMIT = "1000000";
  const conn = await connect({ driver: "pglite", url: "memory://" });
  await migrateDb(conn);
  setConnectionForTesting(conn);
  const model = new MockLanguageModelV4({ doStream: async () => ({ stream: stubStream() }) });
  const unregister = registerChatModelForTesting({ id: "bench-stub", name: "Bench stub", description: "bench", offline: false }, model);
  const { POST } = await import("@/app/api/chat/route");

  const email = "chat-bench@example.com";
  const userId = localUserIdFor(email);
  await upsertUser(conn.db, { id: userId, email, name: "Bench" });
  const cookie = `radium_session=${await startLocalSession(conn.db, { name: "Bench", email })}`;

  /** An existing chat with one earlier exchange (untimed), so each run is a follow-up turn. */
  async function freshChat(): Promise<string> {
    const { chat } = await createChat(conn.db, { id: crypto.randomUUID(), userId, model: "bench-stub", title: "Bench" });
    const t = Date.now() - 10_000;
    await insertMessage(conn.db, { id: crypto.randomUUID(), chatId: chat.id, role: "user", parts: [{ type: "text", text: "Earlier question" }], createdAt: new Date(t) });
    await insertMessage(conn.db, { id: crypto.randomUUID(), chatId: chat.id, role: "assistant", parts: [{ type: "text", text: "Earlier answer", state: "done" }], createdAt: new Date(t + 1) });
    return chat.id;
  }

  const decoder = new TextDecoder();
  async function viaRoute(chatId: string) {
    const body = JSON.stringify({
      id: chatId,
      trigger: "submit-message",
      model: "bench-stub",
      message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "Tell me something." }] },
    });
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await POST(new Request("http://localhost/api/chat", { method: "POST", headers: { "content-type": "application/json", cookie }, body }));
    if (res.status !== 200) throw new Error(`/api/chat answered ${res.status}: ${await res.text()}`);
    const reader = res.body!.getReader();
    let first = Number.NaN;
    let firstByte = Number.NaN;
    let cpuFirst = Number.NaN;
    let seen = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByte)) firstByte = performance.now() - t0;
      if (Number.isNaN(first)) {
        seen += decoder.decode(value, { stream: true });
        if (seen.includes('"text-delta"')) {
          first = performance.now() - t0;
          const c = process.cpuUsage(c0);
          cpuFirst = (c.user + c.system) / 1000;
        }
      }
    }
    const total = performance.now() - t0;
    await settleChatWork(); // the answer's save finishes before the next run (untimed)
    const c = process.cpuUsage(c0);
    return { first, firstByte, total, cpuFirst, cpuTotal: (c.user + c.system) / 1000 };
  }

  const callOptions: LanguageModelV4CallOptions = { prompt: [{ role: "user", content: [{ type: "text", text: "Tell me something." }] }] };
  async function direct() {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { stream } = await model.doStream(callOptions);
    let first = Number.NaN;
    let firstByte = Number.NaN;
    let cpuFirst = Number.NaN;
    for await (const part of stream) {
      if (Number.isNaN(firstByte)) firstByte = performance.now() - t0;
      if (part.type === "text-delta" && Number.isNaN(first)) {
        first = performance.now() - t0;
        const c = process.cpuUsage(c0);
        cpuFirst = (c.user + c.system) / 1000;
      }
    }
    const c = process.cpuUsage(c0);
    return { first, firstByte, total: performance.now() - t0, cpuFirst, cpuTotal: (c.user + c.system) / 1000 };
  }

  for (let i = 0; i < WARMUP; i++) {
    await viaRoute(await freshChat());
    await direct();
  }
  const empty = () => ({ first: [] as number[], firstByte: [] as number[], total: [] as number[], cpuFirst: [] as number[], cpuTotal: [] as number[] });
  const route = empty();
  const raw = empty();
  for (let i = 0; i < RUNS; i++) {
    const chatId = await freshChat();
    const r = await viaRoute(chatId);
    const d = await direct();
    for (const k of ["first", "firstByte", "total", "cpuFirst", "cpuTotal"] as const) {
      route[k].push(r[k]);
      raw[k].push(d[k]);
    }
  }

  const rf = summarize(route.first).p50;
  const rt = summarize(route.total).p50;
  const df = summarize(raw.first).p50;
  const dt = summarize(raw.total).p50;
  console.log(`stub model: first token after ${FIRST_TOKEN_DELAY_MS} ms, then ${TOKENS} tokens ${TOKEN_DELAY_MS} ms apart; ${RUNS} runs (after ${WARMUP} warm-up)`);
  const rb = summarize(route.firstByte).p50;
  const db = summarize(raw.firstByte).p50;
  console.log(`time to first byte   direct ${ms(db)}  via /api/chat ${ms(rb)}  (the route's first byte is its "start" chunk, sent before the model answers)`);
  console.log(`time to first token  direct ${ms(df)}  via /api/chat ${ms(rf)}  added ${ms(rf - df)}  ratio ${(rf / df).toFixed(2)}x`);
  console.log(`total time           direct ${ms(dt)}  via /api/chat ${ms(rt)}  added ${ms(rt - dt)}  ratio ${(rt / dt).toFixed(2)}x`);
  const cf = summarize(route.cpuFirst).p50 - summarize(raw.cpuFirst).p50;
  const ct = summarize(route.cpuTotal).p50 - summarize(raw.cpuTotal).p50;
  console.log(`process CPU time added: ${ms(cf)} up to the first token, ${ms(ct)} per whole turn incl. saving the answer (less sensitive to other load on the machine than wall time)`);
  console.log(`route p95: first token ${ms(summarize(route.first).p95)}, total ${ms(summarize(route.total).p95)}`);
  console.log(`bar: the reference app adds ~13 ms before the first token → target under 6.5 ms added`);

  unregister();
  setConnectionForTesting(undefined);
  await conn.close();
}
