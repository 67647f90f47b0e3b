// Fine-tuning monitoring over HTTP against the production build (`next start`, its own process) on
// the local PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres):
// 1. `fineTuning.metrics` for a job with 10,000 points (the whole loss curve, as a monitor's first
//    load asks for it): p50/p95, one caller at a time and 10 at once.
// 2. 50 jobs monitored at once (seed 003's target): 50 clients, each polling its job's monitor
//    queries (byId, metrics since the last step, logs since its cursor: one batched GET, as the app's
//    tRPC client sends them) every second, while this process records a new metrics point and log
//    line for every job every second through the training function's own write (one transaction per
//    poll). Measured: the delay from a point's commit to a client holding it (p50/p95/max), and the
//    server's CPU. Skipped without `npm run build`.
// 3. 20 jobs through the real functions on the local runner (bench/_training-runner.ts), one cancelled.
// Everything is skipped without PostgreSQL.
// Run with `npm run bench -- fine-tuning`.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { ADMIN_URL, freshDatabase, postgresAnswers } from "./_deployments-db";
import { hasProductionBuild, type NextServer, startNext } from "./_next-start";
import { ms, summarize } from "./_stats";
import { jobsThroughTheRunner, trainingRunnerSetup } from "./_training-runner";

const CURVE_POINTS = 10_000;
const JOBS = 50;
const TICK_MS = 1000;
const WARMUP_MS = 5_000;
const MEASURE_MS = 30_000;

/** The 1, 5 and 15 minute load averages: other work on the machine skews every figure here. */
const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

type Db = Awaited<ReturnType<typeof freshDatabase>>["conn"]["db"];

const agent = new http.Agent({ keepAlive: true, maxSockets: JOBS + 10 });

function get(url: string, cookie: string): Promise<{ status: number; text: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, text: body.toString(), bytes: raw.byteLength });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const trpcUrl = (origin: string, calls: { path: string; input: unknown }[]) =>
  `${origin}/api/trpc/${calls.map((c) => c.path).join(",")}?batch=1&input=${encodeURIComponent(
    JSON.stringify(Object.fromEntries(calls.map((c, i) => [String(i), { json: c.input }]))),
  )}`;

type BatchAnswer = { result?: { data: { json: unknown } }; error?: unknown }[];

function results(a: { status: number; text: string }): unknown[] {
  if (a.status !== 200) throw new Error(`the monitor's queries answered ${a.status}: ${a.text.slice(0, 300)}`);
  const answers: BatchAnswer = JSON.parse(a.text);
  return answers.map((r) => {
    if (!r.result) throw new Error(`a monitor query failed: ${JSON.stringify(r.error).slice(0, 300)}`);
    return r.result.data.json;
  });
}

interface Seeded {
  cookie: string;
  userId: string;
  curveJob: string;
  jobs: string[];
}

/** One user, 51 running jobs made through the router's own create; 10,000 points on the first. */
async function seed(db: Db): Promise<Seeded> {
  const { localUserIdFor, LOCAL_SESSION_COOKIE } = await import("@/server/auth/local-session");
  const { startLocalSession } = await import("@/server/auth/local-session-store");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { createTrainingJob } = await import("@/server/training/create");
  const { walkForwardIn } = await import("@/server/training/advance");
  const { insertItems } = await import("@/server/training/record");
  const { insertDataset, trainingGraph, idempotencyKey } = await import("../tests/helpers/training");
  const email = "bench-fine-tuning@example.com";
  const userId = localUserIdFor(email);
  await upsertUser(db, { id: userId, email, name: "Bench" });
  const cookie = `${LOCAL_SESSION_COOKIE}=${encodeURIComponent(await startLocalSession(db, { name: "Bench", email }))}`;
  const dataset = await insertDataset(db, userId);
  Object.assign(process.env, { TRAINING_MAX_ACTIVE_JOBS_PER_USER: "1000", TRAINING_MAX_ACTIVE_JOBS: "1000" });
  const ids: string[] = [];
  for (let i = 0; i <= JOBS; i++) {
    const made = await createTrainingJob(db, userId, {
      graph: trainingGraph(userId, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    if (!made.ok) throw new Error(`seeding job ${i}: ${JSON.stringify(made)}`);
    await db.transaction((tx) => walkForwardIn(tx, made.id, "queued", "running"));
    ids.push(made.id);
  }
  const [curveJob, ...jobs] = ids;
  if (!curveJob) throw new Error("no jobs were seeded");
  const t0 = Date.now() - CURVE_POINTS * 1000;
  const points = Array.from({ length: CURVE_POINTS }, (_, i) => point(i + 1, new Date(t0 + i * 1000)));
  await db.transaction((tx) => insertItems(tx, curveJob, { points, logs: [], checkpoints: [] }));
  await db.execute(sql`analyze`);
  return { cookie, userId, curveJob, jobs };
}

/** A point as the simulator reports one: losses to 6 decimals, the learning rate to 12. */
function point(step: number, at: Date) {
  const r = (x: number, digits = 6) => Number(x.toFixed(digits));
  return {
    step,
    epoch: 1 + Math.floor(step / 2000),
    at: at.toISOString(),
    trainingLoss: r(0.4 + 2 * Math.exp(-step / 1500) + 0.02 * Math.sin(step)),
    ...(step % 50 === 0 ? { validationLoss: r(0.5 + 2 * Math.exp(-step / 1500)) } : {}),
    learningRate: r(0.0002 * (1 - step / 20_000), 12),
    gradNorm: r(0.3 + Math.exp(-step / 800)),
    throughput: r(1365.33 + Math.sin(step), 2),
    gpuUtilization: r(91.2 + Math.cos(step), 2),
  };
}

async function wholeCurve(server: NextServer, s: Seeded): Promise<void> {
  const url = trpcUrl(server.url, [{ path: "fineTuning.metrics", input: { id: s.curveJob } }]);
  const call = async () => {
    const t0 = performance.now();
    const a = await get(url, s.cookie);
    const took = performance.now() - t0;
    const [metrics] = results(a) as [{ points: unknown[] }];
    if (metrics.points.length !== CURVE_POINTS)
      throw new Error(`expected ${CURVE_POINTS} points, got ${metrics.points.length}`);
    return { took, bytes: a.bytes };
  };
  for (let i = 0; i < 10; i++) await call();
  const alone: number[] = [];
  let bytes = 0;
  const cpu0 = server.cpuMs();
  for (let i = 0; i < 100; i++) {
    const r = await call();
    alone.push(r.took);
    bytes = r.bytes;
  }
  const cpuPerCall = (server.cpuMs() - cpu0) / alone.length;
  const a = summarize(alone);
  console.log(
    `fineTuning.metrics, ${CURVE_POINTS} points (${(bytes / 1024).toFixed(0)} KiB gzipped), one caller at a time × ${a.n}: ` +
      `p50 ${ms(a.p50)}  p95 ${ms(a.p95)}  max ${ms(a.max)}  (server CPU ${ms(cpuPerCall)} per call)`,
  );
  const together: number[] = [];
  for (let r = 0; r < 10; r++)
    together.push(...(await Promise.all(Array.from({ length: 10 }, call))).map((x) => x.took));
  const t = summarize(together);
  console.log(
    `fineTuning.metrics, ${CURVE_POINTS} points, 10 callers at once × 10 rounds: p50 ${ms(t.p50)}  p95 ${ms(t.p95)}  max ${ms(t.max)}`,
  );
}

async function fiftyMonitored(server: NextServer, db: Db, s: Seeded): Promise<void> {
  const { recordTrainingUpdate } = await import("@/server/training/record");
  const written = new Map<string, number>();
  const delays: number[] = [];
  const latencies: number[] = [];
  const writes: number[] = [];
  let measuring = false;
  let stop = false;

  // The training function's side: a poll per job per second, each one transaction.
  const writer = async (jobId: string) => {
    await new Promise((r) => setTimeout(r, Math.random() * TICK_MS));
    for (let step = 1; !stop; step++) {
      const started = performance.now();
      const at = new Date();
      await recordTrainingUpdate(db, jobId, {
        phase: "running",
        providerStatus: "running",
        step,
        totalSteps: 100_000,
        epoch: 1,
        totalEpochs: 1,
        progress: step / 100_000,
        points: [point(step, at)],
        logs: [
          {
            seq: step - 1,
            at: at.toISOString(),
            level: "INFO",
            message: `step ${step}/100000 loss ${point(step, at).trainingLoss.toFixed(4)}`,
          },
        ],
        checkpoints: [],
        cursor: { metricsStep: step, logSeq: step, checkpointStep: 0 },
      });
      written.set(`${jobId}:${step}`, performance.now());
      if (measuring) writes.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (performance.now() - started))));
    }
  };

  // The monitor page: its three queries every second, metrics and logs incrementally.
  const client = async (jobId: string) => {
    let afterStep = 0;
    let cursor: string | null = null;
    await new Promise((r) => setTimeout(r, Math.random() * TICK_MS));
    while (!stop) {
      const started = performance.now();
      const url = trpcUrl(server.url, [
        { path: "fineTuning.byId", input: { id: jobId } },
        { path: "fineTuning.metrics", input: { id: jobId, afterStep } },
        { path: "fineTuning.logs", input: { id: jobId, cursor } },
      ]);
      const answer = await get(url, s.cookie);
      const now = performance.now();
      const [, metrics, logs] = results(answer) as [
        unknown,
        { points: { step: number }[] },
        { nextCursor: string | null },
      ];
      if (measuring) latencies.push(now - started);
      for (const p of metrics.points) {
        const at = written.get(`${jobId}:${p.step}`);
        // Read in the instant between the commit and the writer noting it: no delay to speak of.
        if (measuring) delays.push(at === undefined ? 0 : Math.max(0, now - at));
        afterStep = Math.max(afterStep, p.step);
      }
      cursor = logs.nextCursor;
      await new Promise((r) => setTimeout(r, Math.max(0, TICK_MS - (performance.now() - started))));
    }
  };

  const running = [...s.jobs.map(writer), ...s.jobs.map(client)];
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const cpu0 = server.cpuMs();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, MEASURE_MS));
  const cpu = server.cpuMs() - cpu0;
  const own = process.cpuUsage(own0);
  const wall = performance.now() - t0;
  measuring = false;
  stop = true;
  await Promise.all(running);

  const d = summarize(delays);
  const l = summarize(latencies);
  const w = summarize(writes);
  console.log(
    `${JOBS} jobs monitored at once (a point per job per second written; each monitor polls byId + metrics + logs every ${TICK_MS} ms), ` +
      `${(MEASURE_MS / 1000).toFixed(0)} s: point written → in the client: p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  max ${ms(d.max)} (${d.n} points); ` +
      `poll latency p50 ${ms(l.p50)}  p95 ${ms(l.p95)} (${l.n} polls); the write (one transaction) p50 ${ms(w.p50)}  p95 ${ms(w.p95)}; server CPU ${((cpu / wall) * 100).toFixed(0)}% of one core ` +
      `(${ms(cpu / l.n)} per poll); this process (50 writers and 50 clients) ${(((own.user + own.system) / 1000 / wall) * 100).toFixed(0)}%`,
  );
}

export default async function run(): Promise<void> {
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.LOG_LEVEL ??= "warn";
  if (!(await postgresAnswers())) {
    console.log(`fine-tuning: skipped — no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}`);
    return;
  }
  // The server gets the environment as it was, not the runner settings made for this process.
  const appEnv = { ...process.env };
  const runner = await trainingRunnerSetup();
  if (hasProductionBuild()) await overHttp(appEnv);
  else console.log("fine-tuning over HTTP: skipped — no production build (run `npm run build` first)");
  await jobsThroughTheRunner(runner, 20);
}

async function overHttp(appEnv: NodeJS.ProcessEnv): Promise<void> {
  const db = await freshDatabase();
  let server: NextServer | undefined;
  try {
    const seeded = await seed(db.conn.db);
    const { freePort } = await import("../src/dev/inngest-runner/testing/child-runner");
    server = await startNext({ port: await freePort(), env: { ...appEnv, DATABASE_URL: db.url, LOG_LEVEL: "warn" } });
    console.log(
      `fine-tuning over HTTP: next start (own process), PostgreSQL — ${CURVE_POINTS}-point curve, ${JOBS} live jobs; ` +
        `machine load ${loadAverage()} (${os.cpus().length} cores)`,
    );
    await wholeCurve(server, seeded);
    await fiftyMonitored(server, db.conn.db, seeded);
    console.log(`machine load after: ${loadAverage()}`);
  } finally {
    agent.destroy();
    await server?.stop();
    await db.dispose();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
