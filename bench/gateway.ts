// The OpenAI-compatible gateway against `next start` (the production build, its own process) on the
// local PostgreSQL, with a zero-delay local OpenAI-compatible upstream (tests/fakes/openai-upstream.ts,
// in this process) behind a simulator deployment (RADIUM_SIM_UPSTREAM_URL):
// 1. Added time to first token (first SSE event) and added total time, p50/p95, gateway vs calling the
//    upstream directly, at 1 and at 50 concurrent clients (≥ 30 streamed requests per point).
//    Goal: ≤ 2 ms p50 and ≤ 5 ms p95 added.
//    For comparison, the same through Next's router and route handlers (FAST_PATH=0).
// 2. Requests per second (autocannon, non-streaming), gateway vs direct.
// 3. 1,000 concurrent streaming connections held for 30 s (one chunk a second): errors, and the app
//    process's RSS before, during and after.
// BENCH_QUICK=1 runs a short smoke of each part (fewer runs, 3 s of load, 200 streams for 5 s).
// Needs `npm run build`; TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Run: `npm run bench -- gateway`.
import http from "node:http";
import autocannon from "autocannon";
import { freshDatabase, postgresAnswers } from "./_deployments-db";
import { hasProductionBuild, type NextServer, startNext } from "./_next-start";
import { ms, serverTimingSteps, summarize } from "./_stats";

const QUICK = process.env.BENCH_QUICK === "1";
const RUNS = QUICK ? 30 : 100;
const WARMUP = QUICK ? 20 : 100;
const LOAD_S = QUICK ? 3 : 10;
const HOLD = QUICK ? { streams: 200, seconds: 5 } : { streams: 1000, seconds: 30 };
const PORT = Number(process.env.BENCH_PORT ?? 3171);
const SHORT_REPLY = "The quick brown fox jumps over the lazy dog again.";

interface Target {
  url: string;
  headers: Record<string, string>;
  model: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One streamed completion: ms to the first body bytes (first SSE event) and to the end. */
interface StreamResult {
  ttft: number;
  total: number;
  ok: boolean;
  done: boolean;
  /** The gateway's Server-Timing steps (ms), when it sent them. */
  steps: Record<string, number>;
}


function streamOnce(t: Target, ag: http.Agent = agent): Promise<StreamResult> {
  const body = JSON.stringify({ model: t.model, stream: true, messages: [{ role: "user", content: "Say something." }] });
  return new Promise((resolve) => {
    const t0 = performance.now();
    let ttft = Number.NaN;
    let tail = "";
    const req = http.request(
      t.url,
      { method: "POST", agent: ag, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...t.headers } },
      (res) => {
        const steps = serverTimingSteps(res.headers["server-timing"]);
        res.on("data", (c: Buffer) => {
          if (Number.isNaN(ttft)) ttft = performance.now() - t0;
          tail = (tail + c.toString("utf8")).slice(-64);
        });
        res.on("end", () => resolve({ ttft, total: performance.now() - t0, ok: res.statusCode === 200, done: tail.includes("[DONE]"), steps }));
        res.on("error", () => resolve({ ttft, total: performance.now() - t0, ok: false, done: false, steps }));
      },
    );
    req.on("error", () => resolve({ ttft, total: performance.now() - t0, ok: false, done: false, steps: {} }));
    req.end(body);
  });
}

async function latency(label: string, t: Target, clients: number) {
  const per = Math.max(1, Math.ceil(RUNS / clients));
  // Warm-up: a running server's steady state (JIT-compiled paths, pooled connections on both hops, a
  // rate-limit lease in hand), at the concurrency about to be measured.
  for (let i = 0; i < WARMUP; i++) await Promise.all(Array.from({ length: clients }, () => streamOnce(t)));
  const results = (
    await Promise.all(
      Array.from({ length: clients }, async () => {
        const out = [];
        for (let i = 0; i < per; i++) out.push(await streamOnce(t));
        return out;
      }),
    )
  ).flat();
  const bad = results.filter((r) => !r.ok || !r.done).length;
  if (bad) throw new Error(`${label}: ${bad} of ${results.length} streams failed`);
  const names = [...new Set(results.flatMap((r) => Object.keys(r.steps)))];
  const steps = names.map((k) => `${k} ${summarize(results.map((r) => r.steps[k] ?? 0)).p50.toFixed(2)}`).join(", ");
  return { ttft: summarize(results.map((r) => r.ttft)), total: summarize(results.map((r) => r.total)), n: results.length, steps };
}

/** p50/p95 of a GET one caller at a time: the server's own cost for a route that does nothing. */
async function floor(url: string) {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 10; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => http.get(url, { agent }, (res) => res.resume().on("end", () => resolve())));
    if (i >= 10) samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  console.log(`for reference, one caller at a time, the same server's GET /api/v1/unknown (404, no work): p50 ${ms(s.p50)} p95 ${ms(s.p95)}`);
}

async function overhead(direct: Target, gateway: Target) {
  for (const clients of [1, 50]) {
    // Alternate the order so neither side always runs on a warmer machine.
    const d1 = await latency("direct", direct, clients);
    const g1 = await latency("gateway", gateway, clients);
    const g2 = await latency("gateway", gateway, clients);
    const d2 = await latency("direct", direct, clients);
    const pick = (a: typeof d1, b: typeof d1, k: "ttft" | "total", p: "p50" | "p95") => (a[k][p] + b[k][p]) / 2;
    const row = (k: "ttft" | "total") => {
      const dp50 = pick(d1, d2, k, "p50");
      const dp95 = pick(d1, d2, k, "p95");
      const gp50 = pick(g1, g2, k, "p50");
      const gp95 = pick(g1, g2, k, "p95");
      return `${k === "ttft" ? "TTFT " : "total"}: direct p50 ${ms(dp50)} p95 ${ms(dp95)} | gateway p50 ${ms(gp50)} p95 ${ms(gp95)} | added p50 ${ms(gp50 - dp50)} p95 ${ms(gp95 - dp95)}`;
    };
    console.log(`${clients} concurrent client(s), ${d1.n + d2.n} direct and ${g1.n + g2.n} gateway streams:`);
    console.log(`  ${row("ttft")}`);
    console.log(`  ${row("total")}`);
    console.log(`  gateway steps before the upstream answered (Server-Timing, p50 ms): ${g1.steps}`);
  }
}

/** For comparison: the same calls through Next's router and route handlers (FAST_PATH=0), one client. */
async function throughRouter(direct: Target, env: NodeJS.ProcessEnv, gateway: Target) {
  const routed = await startNext({ port: PORT + 1, env: { ...env, FAST_PATH: "0" } });
  try {
    const target = { ...gateway, url: `${routed.url}/api/v1/chat/completions` };
    const d = await latency("direct", direct, 1);
    const r = await latency("router", target, 1);
    console.log(
      `for comparison, through Next's router (FAST_PATH=0), 1 client: TTFT added p50 ${ms(r.ttft.p50 - d.ttft.p50)} p95 ${ms(r.ttft.p95 - d.ttft.p95)}; total added p50 ${ms(r.total.p50 - d.total.p50)} p95 ${ms(r.total.p95 - d.total.p95)}`,
    );
  } finally {
    await routed.stop();
  }
}

async function throughput(label: string, t: Target, method: "POST" | "GET" = "POST") {
  const r = await autocannon({
    url: t.url,
    method,
    connections: 50,
    duration: LOAD_S,
    headers: { "content-type": "application/json", ...t.headers },
    ...(method === "POST" ? { body: JSON.stringify({ model: t.model, messages: [{ role: "user", content: "Say something." }] }) } : {}),
  });
  const non2xx = r.non2xx + r.errors + r.timeouts;
  console.log(`${label}: ${r.requests.average.toFixed(0)} req/s (${r.requests.total} requests in ${r.duration.toFixed(1)} s, 50 connections), latency p50 ${r.latency.p50} ms p97.5 ${r.latency.p97_5} ms, failures ${non2xx}`);
}

async function holdStreams(t: Target, server: NextServer, fake: { setChunkDelay(ms: number): void; setReply(r: string): void }) {
  fake.setReply(Array.from({ length: HOLD.seconds }, (_, i) => `word${i}`).join(" "));
  fake.setChunkDelay(1000);
  const wide = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const before = server.rssMb();
  const t0 = performance.now();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMb());
  }, 1000);
  // Opened in bursts of 100 so the listen backlog never overflows.
  const all: Array<Promise<{ ok: boolean; done: boolean; total: number }>> = [];
  for (let i = 0; i < HOLD.streams; i += 100) {
    for (let j = i; j < Math.min(HOLD.streams, i + 100); j++) all.push(streamOnce(t, wide));
    await new Promise((r) => setTimeout(r, 50));
  }
  const results = await Promise.all(all);
  clearInterval(sampler);
  const errors = results.filter((r) => !r.ok || !r.done).length;
  await new Promise((r) => setTimeout(r, 2000));
  const after = server.rssMb();
  const s = summarize(results.map((r) => r.total / 1000));
  console.log(
    `${HOLD.streams} concurrent streams held ~${HOLD.seconds} s (one chunk a second): errors ${errors}; duration p50 ${s.p50.toFixed(1)} s max ${s.max.toFixed(1)} s; wall ${((performance.now() - t0) / 1000).toFixed(1)} s; app RSS before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB`,
  );
  fake.setChunkDelay(0);
  fake.setReply(SHORT_REPLY);
  wide.destroy();
}

/** A user, an active simulator deployment with limits high enough for a load test, and its key. */
export async function seed(db: Awaited<ReturnType<typeof freshDatabase>>["conn"]["db"]) {
  const { createCaller } = await import("@/server/api/root");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { advance } = await import("@/server/deployments/advance");
  const { computeSpecFor } = await import("@/server/deployments/spec");
  const { ComputeSimulator } = await import("@/server/providers/compute/simulator");
  const { deployments } = await import("@/server/db/schema");
  const { eq } = await import("drizzle-orm");
  const { createInput } = await import("../tests/helpers/deployments");
  const user = { id: "user_benchgateway", email: "bench-gateway@example.com", name: "Bench" };
  await upsertUser(db, user);
  const caller = createCaller({ db, user });
  const created = await caller.deployments.create(createInput({ name: "bench-gw", security: { requestsPerMinute: 100_000, tokensPerMinute: 100_000_000 } }));
  const [row] = await db.select().from(deployments).where(eq(deployments.id, created.id));
  const sim = new ComputeSimulator({ baseUrl: "http://localhost", speed: 1, failureRate: 0, now: () => Date.now() - 3_600_000 });
  const handle = await sim.create(await computeSpecFor(db, row!));
  await advance(db, created.id, "pending", "provision_started", { patch: { providerKind: "simulator", providerId: handle.providerId } });
  await advance(db, created.id, "provisioning", "provider_ready");
  await advance(db, created.id, "starting", "became_active", { patch: { endpointUrl: handle.url ?? null } });
  return { model: "bench-gw", key: created.apiToken! };
}

export default async function run(): Promise<void> {
  if (!hasProductionBuild()) {
    console.log("gateway: skipped — no production build (run `npm run build` first)");
    return;
  }
  if (!(await postgresAnswers())) {
    console.log("gateway: skipped — PostgreSQL does not answer at TEST_DATABASE_URL");
    return;
  }
  process.env.OUTBOX_SWEEP_MS ??= "600000";
  const { startFakeOpenAI } = await import("../tests/fakes/openai-upstream");
  const fake = await startFakeOpenAI({ reply: SHORT_REPLY });
  const db = await freshDatabase();
  let server: NextServer | undefined;
  try {
    const { model, key } = await seed(db.conn.db);
    server = await startNext({
      port: PORT,
      env: { ...process.env, DATABASE_URL: db.url, RADIUM_SIM_UPSTREAM_URL: fake.url, LOG_LEVEL: "warn", INNGEST_DEV: "0" },
      cpuProfDir: process.env.BENCH_CPU_PROF_DIR,
    });
    const direct: Target = { url: `${fake.url}/chat/completions`, headers: {}, model };
    const gateway: Target = { url: `${server.url}/api/v1/chat/completions`, headers: { authorization: `Bearer ${key}` }, model };
    console.log(`gateway: next start + PostgreSQL, zero-delay upstream in the bench process${QUICK ? " (BENCH_QUICK: a short smoke)" : ""}; goal ≤ 2 ms p50 / ≤ 5 ms p95 added`);
    await overhead(direct, gateway);
    await floor(`${server.url}/api/v1/unknown`);
    await throughRouter(direct, { ...process.env, DATABASE_URL: db.url, RADIUM_SIM_UPSTREAM_URL: fake.url, LOG_LEVEL: "warn", INNGEST_DEV: "0" }, gateway);
    await throughput("requests/s direct to the upstream", direct);
    await throughput("requests/s through the gateway", gateway);
    // The same server's floor on this machine: a route that does nothing (an /api/v1 404, no database).
    await throughput("for reference, the same server's GET /api/v1/unknown (404, no work)", { ...gateway, url: `${server.url}/api/v1/unknown` }, "GET");
    await holdStreams(gateway, server, fake);
  } finally {
    agent.destroy();
    await server?.stop();
    await fake.close();
    await db.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
