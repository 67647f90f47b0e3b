// Deployments on the local PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres):
// 1. `deployments.list` over HTTP against the production build (bench/_deployments-list-http.ts):
//    one user with 10,000 rows, 50 concurrent callers, first page and a page deep in the cursor chain.
//    Goal p95 ≤ 20 ms. Skipped without `npm run build`. BENCH_CPU_PROF_DIR=dir profiles the server.
// 2. 100 deployments created at once through the router, provisioned by the real functions on the
//    local runner in signed mode (its own process, as under `npm run dev`), the simulator at speed
//    0.01: all must reach active with no duplicated or backward transition in deployment_events.
// Run with `npm run bench -- deployments` (or `npx tsx --conditions=react-server bench/deployments.ts`).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { asc, eq } from "drizzle-orm";
import type { DeploymentEvent } from "@/lib/deployment-lifecycle";
import { ADMIN_URL, freshDatabase, postgresAnswers } from "./_deployments-db";
import { listOverHttp } from "./_deployments-list-http";

const DEPLOYMENTS = 100;
const SPEED = "0.01";

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

export default async function run(): Promise<void> {
  process.env.AUTH_SECRET ??= "bench-secret";
  process.env.LOG_LEVEL ??= "warn";
  if (!(await postgresAnswers())) {
    console.log(`deployments: skipped — no PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//")}`);
    return;
  }
  // The server gets the environment as it was, not the runner settings made for this process below.
  const appEnv = { ...process.env };
  const runner = await cloudModeAgainstRunner();
  const { freePort } = await import("../src/dev/inngest-runner/testing/child-runner");
  await listOverHttp(appEnv, await freePort());
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
