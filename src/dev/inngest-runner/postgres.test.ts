// The same protocol paths on PostgreSQL storage (INNGEST_RUNNER_DATABASE_URL) instead of PGlite.
// Runs when TEST_DATABASE_URL names a server; each run gets a fresh database, dropped afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../env";
import type { Runner } from "./runner";
import { createCalls, createConformanceFunctions, type Calls } from "./testing/conformance-app";
import { RunnerClient, startTestApp, startTestRunner, testClient, type TestApp } from "./testing/harness";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";

const baseUrl = env.TEST_DATABASE_URL;

describe.skipIf(!baseUrl)("runner on PostgreSQL", () => {
  let db: TestDatabase;
  let runner: Runner;
  let app: TestApp;
  let client: RunnerClient;
  let calls: Calls;
  const count = (k: string) => calls.counts.get(k) ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase(baseUrl!);
    runner = await startTestRunner({ databaseUrl: db.url });
    calls = createCalls();
    const inngest = testClient("pg", runner.url);
    app = await startTestApp(inngest, createConformanceFunctions(inngest, calls));
    runner.syncer.add(app.url);
    client = new RunnerClient(runner.url);
    await client.waitForFunctions(["pg-five-steps", "pg-parallel"]);
  });

  afterAll(async () => {
    await runner?.close();
    await app?.close();
    await db?.drop();
  });

  it("runs concurrent multi-step and parallel runs with every step exactly once", async () => {
    const tags = Array.from({ length: 20 }, (_, i) => `pg${i}`);
    const ids = await client.send([
      ...tags.map((tag) => ({ name: "conf/five", data: { tag } })),
      ...tags.map((tag) => ({ name: "conf/parallel", data: { tag } })),
    ]);
    for (const id of ids) expect((await client.waitForRun({ eventId: id }, undefined, 60_000)).status).toBe("completed");
    for (const tag of tags) {
      for (let i = 1; i <= 5; i++) expect(count(`five:${tag}:s${i}`)).toBe(1);
      for (const s of ["p1", "p2", "p3", "after"]) expect(count(`parallel:${tag}:${s}`)).toBe(1);
    }
  }, 90_000);

  it("retries, fails, and runs onFailure", async () => {
    const [eventId] = await client.send([{ name: "conf/fail", data: { tag: "pgf" } }]);
    const run = await client.waitForRun({ eventId });
    expect(run.status).toBe("failed");
    const failure = await client.waitForRun({ functionId: "pg-failing-failure" });
    expect(failure.output.handled).toBe(true);
  });

  it("waits for events and invokes functions", async () => {
    const [waitId, invokeId] = await client.send([
      { name: "conf/wait", data: { tag: "pgw", orderId: "pg-o", timeout: "1s" } },
      { name: "conf/invoke", data: { x: 5 } },
    ]);
    expect((await client.waitForRun({ eventId: waitId })).output).toEqual({ approvedBy: null, paid: null });
    expect((await client.waitForRun({ eventId: invokeId, functionId: "pg-parent" })).output).toEqual({ fromChild: { doubled: 10 } });
  });
});
