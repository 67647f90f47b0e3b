// The chat turn as a client sees it: POST /api/chat over HTTP against `next start` (the production
// build, its own process), with the model upstream a zero-delay OpenAI-compatible server speaking
// the real streaming format (tests/fakes/openai-upstream.ts, in this process; the app reaches it
// through OPENAI_API_KEY + OPENAI_BASE_URL, so the title is asked of it too).
// Each run times, one after the other: the same upstream streamed directly (the floor), the first
// message of a new chat (chat creation and title included) and a follow-up turn in that chat.
// Reported per database (a fresh PostgreSQL database, then PGlite in a temporary directory):
// time to the first text delta and to the end of the turn, p50 and p90, the time the app adds
// over the upstream alone and the ratio to it, and the route's Server-Timing phases.
// Goal: ≤ 15 ms p50 added before the first text delta on PostgreSQL, ≤ 1.2× that on PGlite,
// ≤ 20 ms added to the whole turn.
// BENCH_QUICK=1: a smoke (a few runs per database, no goals checked) that fails on any bad answer.
// BENCH_DB=pg|pglite runs one database only; BENCH_APP_DIR serves another checkout's build (for
// before/after comparisons); BENCH_CPU_PROF_DIR writes the server's .cpuprofile there.
// Needs `npm run build`. Run: `npm run bench -- chat`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase, postgresAnswers } from "./_deployments-db";
import { hasProductionBuild, type NextServer, startNext } from "./_next-start";
import { ms, summarize } from "./_stats";
import { type ChatTiming, chatTurn, directStream, signIn, type StreamTiming } from "./_chat-http";

const QUICK = process.env.BENCH_QUICK === "1";
const RUNS = QUICK ? 3 : Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = QUICK ? 2 : 10;
const PORT = Number(process.env.BENCH_PORT ?? 3271);
const MODEL = "bench-model";
const REPLY = "Here is a short answer, streamed one word at a time by the local fake upstream.";

interface Samples {
  direct: StreamTiming[];
  created: ChatTiming[];
  followUp: ChatTiming[];
  /** The server process's CPU time per run (a new chat and a follow-up), ms: less swayed by other load than wall time. */
  cpuPerRun: number;
}

function row(label: string, runs: StreamTiming[], base: StreamTiming[]): string {
  const f = summarize(runs.map((r) => r.first));
  const t = summarize(runs.map((r) => r.total));
  const bf = summarize(base.map((r) => r.first));
  const bt = summarize(base.map((r) => r.total));
  return [
    `  ${label.padEnd(20)} first text delta p50 ${ms(f.p50)} p90 ${ms(f.p90)} (added p50 ${ms(f.p50 - bf.p50)}, ${(f.p50 / bf.p50).toFixed(2)}× the upstream)`,
    `  ${"".padEnd(20)} whole turn       p50 ${ms(t.p50)} p90 ${ms(t.p90)} (added p50 ${ms(t.p50 - bt.p50)}, ${(t.p50 / bt.p50).toFixed(2)}× the upstream)`,
  ].join("\n");
}

function phases(runs: ChatTiming[]): string {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))];
  if (names.length === 0) return "(none sent)";
  return names.map((k) => `${k} ${summarize(runs.map((r) => r.steps[k] ?? 0)).p50.toFixed(2)}`).join(", ");
}

async function measure(server: NextServer, upstream: string): Promise<Samples> {
  const cookie = await signIn(server.url);
  const out: Samples = { direct: [], created: [], followUp: [], cpuPerRun: Number.NaN };
  let cpu0 = Number.NaN;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    if (i === WARMUP) cpu0 = server.cpuMs();
    const direct = await directStream(upstream, MODEL);
    const chatId = crypto.randomUUID();
    const created = await chatTurn(server.url, cookie, { chatId, model: MODEL, text: `Question number ${i}: what is a radium clock?`, expectTitle: true });
    const followUp = await chatTurn(server.url, cookie, { chatId, model: MODEL, text: "And one more thing?", expectTitle: false });
    if (i < WARMUP) continue;
    out.direct.push(direct);
    out.created.push(created);
    out.followUp.push(followUp);
  }
  out.cpuPerRun = (server.cpuMs() - cpu0) / RUNS;
  return out;
}

function report(label: string, s: Samples) {
  const d = summarize(s.direct.map((r) => r.first));
  const dt = summarize(s.direct.map((r) => r.total));
  console.log(`${label}: ${s.created.length} runs (after ${WARMUP} warm-up), each a new chat then a follow-up turn`);
  console.log(`  upstream alone       first text delta p50 ${ms(d.p50)} p90 ${ms(d.p90)}; whole answer p50 ${ms(dt.p50)} p90 ${ms(dt.p90)}`);
  console.log(row("new chat (+title)", s.created, s.direct));
  console.log(row("follow-up turn", s.followUp, s.direct));
  console.log(`  server CPU time per run (new chat + follow-up, answers and titles saved): ${ms(s.cpuPerRun)}`);
  console.log(`  route phases, ms since the handler started (Server-Timing, p50): new chat: ${phases(s.created)}`);
  console.log(`                                                                  follow-up: ${phases(s.followUp)}`);
}

async function withServer<T>(env: NodeJS.ProcessEnv, fn: (server: NextServer) => Promise<T>): Promise<T> {
  const server = await startNext({ port: PORT, env, cpuProfDir: process.env.BENCH_CPU_PROF_DIR, cwd: process.env.BENCH_APP_DIR });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

export default async function run(): Promise<void> {
  const appDir = process.env.BENCH_APP_DIR ?? process.cwd();
  if (!hasProductionBuild(appDir)) {
    if (QUICK) throw new Error("chat: no production build (run `npm run build` first)");
    console.log("chat: skipped — no production build (run `npm run build` first)");
    return;
  }
  const which = process.env.BENCH_DB ?? "both";
  const pgAnswers = which !== "pglite" && (await postgresAnswers());
  if (which !== "pglite" && !pgAnswers) {
    if (QUICK || which === "pg") throw new Error("chat: PostgreSQL does not answer at TEST_DATABASE_URL");
    console.log("chat: PostgreSQL skipped — it does not answer at TEST_DATABASE_URL");
  }
  const { startFakeOpenAI } = await import("../tests/fakes/openai-upstream");
  const fake = await startFakeOpenAI({ reply: REPLY });
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    OPENAI_API_KEY: "bench-key",
    OPENAI_BASE_URL: fake.url,
    OPENAI_MODELS: MODEL,
    AUTH_SECRET: "bench-secret-not-for-production",
    CHAT_DAILY_MESSAGE_LIMIT: "1000000",
    LOCAL_SIGN_IN_RATE_LIMIT: "1000",
    NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "",
    CLERK_SECRET_KEY: "",
    LOG_LEVEL: "warn",
    INNGEST_DEV: "0",
    OUTBOX_SWEEP_MS: "600000",
  };
  console.log(`chat: next start, zero-delay OpenAI-compatible upstream in the bench process${QUICK ? " (BENCH_QUICK: a short smoke, no goals)" : ""}`);
  console.log("goal: ≤ 15 ms p50 added before the first text delta on PostgreSQL, ≤ 1.2× that on PGlite; ≤ 20 ms added to the whole turn");
  try {
    if (pgAnswers) {
      const db = await freshDatabase();
      try {
        report("PostgreSQL (fresh database)", await withServer({ ...base, DATABASE_URL: db.url, PGLITE_DIR: "" }, (s) => measure(s, fake.url)));
      } finally {
        await db.dispose();
      }
    }
    if (which !== "pg") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-chat-bench-"));
      try {
        report("PGlite (temporary directory)", await withServer({ ...base, DATABASE_URL: "", PGLITE_DIR: dir }, (s) => measure(s, fake.url)));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await fake.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
