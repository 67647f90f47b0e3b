// The chat turn as a client sees it: POST /api/chat over HTTP against `next start` (the production
// build, its own process), with the model upstream a zero-delay OpenAI-compatible server speaking
// the real streaming format (tests/fakes/openai-upstream.ts, in this process; the app reaches it
// through OPENAI_API_KEY + OPENAI_BASE_URL, so the title is asked of it too).
// Each run times, one after the other: the same upstream streamed directly (the floor), the first
// message of a new chat (chat creation and title included) and a follow-up turn in that chat.
// Reported per database (a fresh PostgreSQL database and PGlite in a temporary directory, both
// served at once and their turns interleaved, so the ratio between them is not a machine's mood):
// time to the first text delta and to the end of the turn, p50 and p90, the time the app adds
// over the upstream alone and the ratio to it, and the route's Server-Timing phases.
// Goal: ≤ 15 ms p50 added before the first text delta on PostgreSQL, ≤ 1.2× that on PGlite,
// ≤ 20 ms added to the whole turn.
// BENCH_QUICK=1: a smoke (a few runs per database, no goals checked) that fails on any bad answer.
// BENCH_DB=pg|pglite runs one database only; BENCH_APP_DIR serves another checkout's build;
// BENCH_COMPARE_DIR serves a second checkout's build alongside (ports from BENCH_PORT up), its turns
// interleaved with this one's so both meet the same machine load (before/after comparisons);
// BENCH_CPU_PROF_DIR writes the servers' .cpuprofile there.
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

interface App {
  label: string;
  server: NextServer;
}

/** Runs every app in turn within each run (in alternating order), so all meet the same machine load. */
async function measure(apps: App[], upstream: string): Promise<Array<{ label: string; samples: Samples }>> {
  const cookies = await Promise.all(apps.map((a) => signIn(a.server.url)));
  const direct: StreamTiming[] = [];
  const out = apps.map((a) => ({ label: a.label, samples: { direct, created: [], followUp: [], cpuPerRun: Number.NaN } as Samples, cpu0: Number.NaN }));
  for (let i = 0; i < WARMUP + RUNS; i++) {
    if (i === WARMUP) for (const [k, a] of apps.entries()) out[k]!.cpu0 = a.server.cpuMs();
    const d = await directStream(upstream, MODEL);
    const order = i % 2 === 0 ? [...apps.keys()] : [...apps.keys()].reverse();
    for (const k of order) {
      const url = apps[k]!.server.url;
      const chatId = crypto.randomUUID();
      const created = await chatTurn(url, cookies[k]!, { chatId, model: MODEL, text: `Question number ${i}: what is a radium clock?`, expectTitle: true });
      const followUp = await chatTurn(url, cookies[k]!, { chatId, model: MODEL, text: "And one more thing?", expectTitle: false });
      if (i < WARMUP) continue;
      out[k]!.samples.created.push(created);
      out[k]!.samples.followUp.push(followUp);
    }
    if (i >= WARMUP) direct.push(d);
  }
  for (const [k, a] of apps.entries()) out[k]!.samples.cpuPerRun = (a.server.cpuMs() - out[k]!.cpu0) / RUNS;
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

/** This checkout's build, and with BENCH_COMPARE_DIR another's ("before") served alongside it. */
function appDirs(): Array<{ label: string; dir: string }> {
  const self = { label: "this build", dir: process.env.BENCH_APP_DIR ?? process.cwd() };
  const other = process.env.BENCH_COMPARE_DIR;
  return other ? [{ label: "compared build", dir: other }, self] : [self];
}

/** One app to serve: a build on a database, with the environment that database needs. */
interface AppSpec {
  label: string;
  dir: string;
  env: () => Promise<NodeJS.ProcessEnv>;
}

async function withApps<T>(specs: AppSpec[], fn: (apps: App[]) => Promise<T>): Promise<T> {
  const apps: App[] = [];
  try {
    for (const [k, spec] of specs.entries()) {
      const server = await startNext({ port: PORT + k, env: await spec.env(), cpuProfDir: process.env.BENCH_CPU_PROF_DIR, cwd: spec.dir });
      apps.push({ label: spec.label, server });
    }
    return await fn(apps);
  } finally {
    for (const a of apps) await a.server.stop();
  }
}

const added = (runs: StreamTiming[], base: StreamTiming[]) => summarize(runs.map((r) => r.first)).p50 - summarize(base.map((r) => r.first)).p50;

/** PGlite's added time over PostgreSQL's, from turns measured interleaved (the same machine load). */
function ratioLine(build: string, pg: Samples, pglite: Samples): string {
  const r = (k: "created" | "followUp") => (added(pglite[k], pglite.direct) / added(pg[k], pg.direct)).toFixed(2);
  return `PGlite ÷ PostgreSQL, time added before the first text delta (${build}, measured interleaved): new chat ${r("created")}×, follow-up ${r("followUp")}× (goal ≤ 1.2×)`;
}

export default async function run(): Promise<void> {
  if (!appDirs().every((a) => hasProductionBuild(a.dir))) {
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
  console.log("every app below is served at once and their turns interleaved, so all meet the same machine load");
  const dbs: Array<Awaited<ReturnType<typeof freshDatabase>>> = [];
  const dirs: string[] = [];
  const specs: AppSpec[] = [];
  for (const { label, dir } of appDirs()) {
    if (pgAnswers) {
      specs.push({
        label: `PostgreSQL (fresh database), ${label}`,
        dir,
        env: async () => {
          const db = await freshDatabase();
          dbs.push(db);
          return { ...base, DATABASE_URL: db.url, PGLITE_DIR: "" };
        },
      });
    }
    if (which !== "pg") {
      specs.push({
        label: `PGlite (temporary directory), ${label}`,
        dir,
        env: async () => {
          const data = fs.mkdtempSync(path.join(os.tmpdir(), "radium-chat-bench-"));
          dirs.push(data);
          return { ...base, DATABASE_URL: "", PGLITE_DIR: data };
        },
      });
    }
  }
  try {
    const results = await withApps(specs, (apps) => measure(apps, fake.url));
    for (const r of results) report(r.label, r.samples);
    if (pgAnswers && which !== "pg") {
      for (const { label } of appDirs()) {
        const of = (db: string) => results.find((r) => r.label === `${db}, ${label}`)!.samples;
        console.log(ratioLine(label, of("PostgreSQL (fresh database)"), of("PGlite (temporary directory)")));
      }
    }
  } finally {
    await fake.close();
    for (const db of dbs) await db.dispose();
    for (const data of dirs) fs.rmSync(data, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
