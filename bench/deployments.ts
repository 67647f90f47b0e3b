// Deployments on the local PostgreSQL (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres):
// 1. `deployments.list` over HTTP against the production build (bench/_deployments-list-http.ts):
//    one user with 10,000 rows, 50 concurrent callers, first page and a page deep in the cursor chain.
//    Goal p95 ≤ 20 ms. Skipped without `npm run build`. BENCH_CPU_PROF_DIR=dir profiles the server.
// 2. 100 deployments created at once through the router, provisioned by the real functions on the
//    local runner in signed mode (its own process, as under `npm run dev`), the simulator at speed
//    0.01: all must reach active with no duplicated or backward transition in deployment_events.
// Run with `npm run bench -- deployments` (or `npx tsx --conditions=react-server bench/deployments.ts`).
import { pathToFileURL } from "node:url";
import { asc, eq } from "drizzle-orm";
import type { DeploymentEvent } from "@/lib/deployment-lifecycle";
import { cloudModeAgainstRunner, type RunnerSetup, withAppAndRunner } from "./_app-with-runner";
import { ADMIN_URL, postgresAnswers } from "./_deployments-db";
import { listOverHttp } from "./_deployments-list-http";

const DEPLOYMENTS = 100;
const SPEED = "0.01";

async function hundredThroughTheRunner(setup: RunnerSetup): Promise<void> {
  const { createCaller } = await import("@/server/api/root");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { deploymentEvents, deployments } = await import("@/server/db/schema");
  const { nextStatus, DEPLOYMENT_EVENTS } = await import("@/lib/deployment-lifecycle");
  const isEvent = (step: string): step is DeploymentEvent => (DEPLOYMENT_EVENTS as readonly string[]).includes(step);
  const { createInput } = await import("../tests/helpers/deployments");

  await withAppAndRunner(setup, "provision-deployment", async (db) => {
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
  });
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
  const runner = await cloudModeAgainstRunner({ COMPUTE_SIMULATOR_SPEED: SPEED, COMPUTE_SIMULATOR_FAILURE_RATE: "0" });
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
