// Deployments on the local PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres):
// 1. `deployments.list` through tRPC's fetch adapter as /api/trpc runs it (HTTP Request in, Response
//    out, session cookie, superjson), 50 concurrent callers over 10,000 rows (50 users × 200). Goal p95 ≤ 20 ms.
// 2. 100 deployments created at once through the router, provisioned by the real functions on the
//    local runner in signed mode (its own process, as under `npm run dev`), the simulator at speed
//    0.01: all must reach active with no duplicated or backward transition in deployment_events.
// Run with `npm run bench -- deployments` (or `npx tsx --conditions=react-server bench/deployments.ts`).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import type { DeploymentEvent } from "@/lib/deployment-lifecycle";
import { ms, summarize } from "./_stats";

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const USERS = 50;
const ROWS_PER_USER = 200;
const CALLS_PER_CALLER = 40;
const DEPLOYMENTS = 100;
const SPEED = "0.01";

async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function freshDatabase() {
  const { createTestDatabase } = await import("../src/dev/inngest-runner/testing/postgres");
  const { connect, migrateDb } = await import("@/server/db/connect");
  const { seedModels } = await import("@/server/db/seed/models");
  const created = await createTestDatabase(ADMIN_URL);
  const conn = await connect({ driver: "node-postgres", url: created.url });
  await migrateDb(conn);
  await seedModels(conn.db);
  return {
    conn,
    async dispose() {
      await conn.close();
      await created.drop();
    },
  };
}

async function listLatency(): Promise<void> {
  const { setConnectionForTesting } = await import("@/server/db");
  const { localUserIdFor, LOCAL_SESSION_COOKIE } = await import("@/server/auth/local-session");
  const { startLocalSession } = await import("@/server/auth/local-session-store");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { deployments } = await import("@/server/db/schema");
  const { defaultDeploymentConfig, withoutSecretValues } = await import("@/lib/deployments/schema");
  const { DEPLOYMENT_STATUSES } = await import("@/lib/deployment-lifecycle");
  const db = await freshDatabase();
  setConnectionForTesting(db.conn);
  try {
    const cookies: string[] = [];
    const base = Date.now() - 1000 * 60 * 60 * 24 * 30;
    for (let u = 0; u < USERS; u++) {
      const email = `bench-deploy-${u}@example.com`;
      const userId = localUserIdFor(email);
      await upsertUser(db.conn.db, { id: userId, email, name: `Bench ${u}` });
      cookies.push(`${LOCAL_SESSION_COOKIE}=${encodeURIComponent(await startLocalSession(db.conn.db, { name: `Bench ${u}`, email }))}`);
      const rows = Array.from({ length: ROWS_PER_USER }, (_, i) => {
        const name = `bench-${u}-${i}`;
        return {
          userId,
          name,
          modelId: "meta-llama-3.1-8b-instruct",
          config: withoutSecretValues({ ...defaultDeploymentConfig, name, modelId: "meta-llama-3.1-8b-instruct" }),
          status: DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length],
          hourlyCents: 80,
          monthlyMinCents: 58_400,
          monthlyExpectedCents: 58_400,
          monthlyMaxCents: 116_800,
          apiTokenHash: `bench-${u}-${i}`,
          apiTokenPrefix: "rdm_bench000",
          termsVersion: "bench",
          termsAcceptedAt: new Date(base),
          paymentBrand: "visa",
          paymentLast4: "4242",
          paymentExpMonth: 12,
          paymentExpYear: 2099,
          idempotencyKey: `bench-${u}-${i}`,
          createdAt: new Date(base + i * 60_000 + u),
          ...(DEPLOYMENT_STATUSES[i % DEPLOYMENT_STATUSES.length] === "deleted" ? { deletedAt: new Date() } : {}),
        };
      });
      await db.conn.db.insert(deployments).values(rows);
    }
    await db.conn.db.execute(sql`analyze deployments`);
    const [{ n } = { n: 0 }] = await db.conn.db.select({ n: sql<number>`count(*)::int` }).from(deployments);

    // The route's own handler minus its Next-only wrapper (route() imports next/navigation, which
    // does not load under tsx): the same fetch adapter, router, context and session cookie check.
    const { fetchRequestHandler } = await import("@trpc/server/adapters/fetch");
    const { appRouter } = await import("@/server/api/root");
    const { createTRPCContext } = await import("@/server/api/trpc");
    const handle = (req: Request) =>
      fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => createTRPCContext({ req }) });
    const url = `http://localhost/api/trpc/deployments.list?input=${encodeURIComponent(JSON.stringify({ json: { limit: 20 } }))}`;
    const call = async (cookie: string) => {
      const res = await handle(new Request(url, { headers: { cookie } }));
      if (res.status !== 200) throw new Error(`deployments.list answered ${res.status}: ${await res.text()}`);
      const body = (await res.json()) as { result: { data: { json: { items: unknown[] } } } };
      if (body.result.data.json.items.length !== 20) throw new Error("expected a full page");
    };
    for (const cookie of cookies) await call(cookie); // warm-up: JIT, pool connections, plans
    const alone: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await call(cookies[i % cookies.length] ?? "");
      alone.push(performance.now() - t0);
    }
    const a = summarize(alone);
    console.log(`deployments.list, one caller at a time (${a.n} calls): p50 ${ms(a.p50)}  p95 ${ms(a.p95)}`);
    const samples: number[] = [];
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie) => {
        for (let i = 0; i < CALLS_PER_CALLER; i++) {
          const t0 = performance.now();
          await call(cookie);
          samples.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const s = summarize(samples);
    console.log(
      `deployments.list via /api/trpc, PostgreSQL, ${n} rows, ${USERS} concurrent callers × ${CALLS_PER_CALLER} calls (20 per page): ` +
        `p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (${(s.n / seconds).toFixed(0)} calls/s) — goal p95 ≤ 20 ms`,
    );
  } finally {
    setConnectionForTesting(undefined);
    await db.dispose();
  }
}

interface RunnerSetup {
  port: number;
  keys: { signingKey: string; eventKey: string };
}

/** The app in cloud mode against the runner, as `npm run dev` runs it: set before the Inngest client is made. */
async function cloudModeAgainstRunner(): Promise<RunnerSetup> {
  const { freePort } = await import("../src/dev/inngest-runner/testing/child-runner");
  const { testKeys } = await import("../src/dev/inngest-runner/testing/harness");
  const keys = testKeys();
  const port = await freePort();
  Object.assign(process.env, {
    INNGEST_DEV: "0",
    INNGEST_BASE_URL: `http://127.0.0.1:${port}`,
    INNGEST_SIGNING_KEY: keys.signingKey,
    INNGEST_EVENT_KEY: keys.eventKey,
    COMPUTE_SIMULATOR_SPEED: SPEED,
    COMPUTE_SIMULATOR_FAILURE_RATE: "0",
  });
  return { port, keys };
}

async function hundredThroughTheRunner({ port: runnerPort, keys }: RunnerSetup): Promise<void> {
  const { spawnRunner } = await import("../src/dev/inngest-runner/testing/child-runner");
  const { serve } = await import("inngest/node");
  const { functions, inngest } = await import("../inngest.config");
  const { setConnectionForTesting } = await import("@/server/db");
  const { createCaller } = await import("@/server/api/root");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { deploymentEvents, deployments } = await import("@/server/db/schema");
  const { nextStatus, DEPLOYMENT_EVENTS } = await import("@/lib/deployment-lifecycle");
  const isEvent = (step: string): step is DeploymentEvent => (DEPLOYMENT_EVENTS as readonly string[]).includes(step);
  const { createInput } = await import("../tests/helpers/deployments");

  const db = await freshDatabase();
  setConnectionForTesting(db.conn);
  const handler = serve({ client: inngest, functions });
  const app = createServer((req, res) => (req.url?.startsWith("/api/inngest") ? handler(req, res) : res.writeHead(404).end()));
  await new Promise<void>((r) => app.listen(0, "127.0.0.1", () => r()));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/api/inngest`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "bench-deployments-runner-"));
  const runner = await spawnRunner(
    {
      INNGEST_RUNNER_APP_URL: appUrl,
      INNGEST_RUNNER_DATA_DIR: dataDir,
      INNGEST_RUNNER_SIGNING_KEY: keys.signingKey,
      INNGEST_RUNNER_EVENT_KEY: keys.eventKey,
      INNGEST_RUNNER_LOG_LEVEL: "warn",
    },
    runnerPort,
  );
  try {
    const deadlineSync = Date.now() + 60_000;
    for (;;) {
      const res = await fetch(`${runner.url}/api/functions`);
      const { functions: synced } = (await res.json()) as { functions: Array<{ id: string }> };
      if (synced.some((f) => f.id.endsWith("provision-deployment"))) break;
      if (Date.now() > deadlineSync) throw new Error("the app's functions never synced with the runner");
      await new Promise((r) => setTimeout(r, 100));
    }

    const userId = "user_benchDeployments000000000000";
    await upsertUser(db.conn.db, { id: userId, email: "bench-deployments@example.com", name: "Bench" });
    const caller = createCaller({ db: db.conn.db, user: { id: userId, name: "Bench", email: "bench-deployments@example.com" } });
    const started = Date.now();
    const created = await Promise.all(
      Array.from({ length: DEPLOYMENTS }, (_, i) => caller.deployments.create(createInput({ name: `bench-${i}` }))),
    );
    const ids = created.map((c) => c.id);

    const deadline = Date.now() + 180_000;
    let statuses: string[] = [];
    for (;;) {
      const rows = await db.conn.db.select({ status: deployments.status }).from(deployments).where(eq(deployments.userId, userId));
      statuses = rows.map((r) => r.status);
      if (statuses.every((s) => s === "active" || s === "failed")) break;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const events = await db.conn.db.select().from(deploymentEvents).orderBy(asc(deploymentEvents.id));
    let duplicated = 0;
    let backward = 0;
    let lastActive = 0;
    const byDeployment = new Map<string, typeof events>();
    for (const e of events) byDeployment.set(e.deploymentId, [...(byDeployment.get(e.deploymentId) ?? []), e]);
    for (const id of ids) {
      const rows = byDeployment.get(id) ?? [];
      const seen = new Set<string>();
      rows.forEach((e, i) => {
        const key = `${e.fromStatus}>${e.toStatus}`;
        // The same transition twice, or one that does not start where the last one ended.
        if (seen.has(key) || (i > 0 && e.fromStatus !== rows[i - 1]?.toStatus)) duplicated++;
        seen.add(key);
        // A move the lifecycle does not allow (pending → provisioning → starting → active only goes forward).
        if (i > 0 && !(e.fromStatus && isEvent(e.step) && nextStatus(e.fromStatus, e.step) === e.toStatus)) backward++;
        if (e.toStatus === "active") lastActive = Math.max(lastActive, e.createdAt.getTime());
      });
    }
    const active = statuses.filter((s) => s === "active").length;
    console.log(
      `${DEPLOYMENTS} deployments through the runner (signed mode, own process; simulator speed ${SPEED}; PostgreSQL): ` +
        `${active}/${DEPLOYMENTS} active, ${statuses.length - active} other, ${events.length} timeline rows, ` +
        `${duplicated} duplicated and ${backward} backward transitions; last active ${((lastActive - started) / 1000).toFixed(2)} s after the creates began`,
    );
  } finally {
    await runner.kill("SIGTERM");
    app.closeAllConnections();
    await new Promise<void>((r) => app.close(() => r()));
    setConnectionForTesting(undefined);
    await db.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server's request wrapper imports next/navigation (for unstable_rethrow, which only matters for
 * Next's own control-flow errors), and that module needs React's client build, which the
 * react-server condition `npm run bench` runs under (for server-only) does not provide. Outside
 * Next nothing throws those errors, so a pass-through stands in for it here.
 */
function stubNextNavigation(): void {
  const require = createRequire(import.meta.url);
  const id = require.resolve("next/navigation");
  const stub = new (require("node:module") as { Module: new (id: string) => NodeJS.Module }).Module(id);
  stub.exports = { unstable_rethrow: () => {} };
  stub.loaded = true;
  require.cache[id] = stub;
}

export default async function run(): Promise<void> {
  stubNextNavigation();
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.LOG_LEVEL ??= "warn";
  if (!(await postgresAnswers())) {
    console.log(`deployments: skipped — no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}`);
    return;
  }
  const runner = await cloudModeAgainstRunner();
  await listLatency();
  await hundredThroughTheRunner(runner);
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
