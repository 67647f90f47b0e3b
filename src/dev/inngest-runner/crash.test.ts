// Crash test: the runner (a child process, killed with SIGKILL) is stopped while a run sleeps and
// while a run waits for an event; a new runner on the same storage finishes both runs, and no
// step that had completed runs again. In signed mode, as `npm run dev` and the e2e suite run it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../env";
import { createCalls, createConformanceFunctions, type Calls } from "./testing/conformance-app";
import { freePort, spawnRunner, type ChildRunner } from "./testing/child-runner";
import { RunnerClient, startTestApp, testClient, testKeys, type TestApp } from "./testing/harness";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";

interface Backend {
  name: string;
  env: () => Record<string, string>;
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
}

let dataDir = "";
let pg: TestDatabase | null = null;
const backends: Backend[] = [
  {
    name: "PGlite data folder",
    env: () => ({ INNGEST_RUNNER_DATA_DIR: dataDir }),
    setup: async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), "inngest-runner-crash-"));
    },
    teardown: async () => rmSync(dataDir, { recursive: true, force: true }),
  },
];
const testDatabaseUrl = env.TEST_DATABASE_URL;
if (testDatabaseUrl) {
  backends.push({
    name: "PostgreSQL",
    env: () => ({ INNGEST_RUNNER_DATABASE_URL: pg!.url }),
    setup: async () => {
      pg = await createTestDatabase(testDatabaseUrl);
    },
    teardown: async () => pg?.drop(),
  });
}

describe.each(backends)("crash and resume ($name)", (backend) => {
  let app: TestApp;
  let calls: Calls;
  let port: number;
  let runner: ChildRunner | null = null;
  const keys = testKeys();
  const client = () => new RunnerClient(`http://127.0.0.1:${port}`, keys.eventKey);
  const count = (k: string) => calls.counts.get(k) ?? 0;
  const start = async () => {
    runner = await spawnRunner(
      {
        ...backend.env(),
        INNGEST_RUNNER_APP_URL: app.url,
        INNGEST_RUNNER_BACKOFF_MS: "200",
        INNGEST_RUNNER_LOG_LEVEL: "info",
        INNGEST_RUNNER_SIGNING_KEY: keys.signingKey,
        INNGEST_RUNNER_EVENT_KEY: keys.eventKey,
      },
      port,
    );
  };

  /** SIGKILL: no shutdown code runs; the runner must be gone (exited, its port closed) afterwards. */
  const crash = async () => {
    await runner!.kill("SIGKILL");
    expect(runner!.proc.signalCode).toBe("SIGKILL");
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  };

  beforeAll(async () => {
    await backend.setup?.();
    port = await freePort();
    calls = createCalls();
    const inngest = testClient("crash", `http://127.0.0.1:${port}`, keys);
    app = await startTestApp(inngest, createConformanceFunctions(inngest, calls));
    await start();
    await client().waitForFunctions(["crash-sleeper", "crash-waiter"], 30_000);
  }, 90_000);

  afterAll(async () => {
    await runner?.kill("SIGTERM");
    await app?.close();
    await backend.teardown?.();
  });

  it("a sleeping run wakes on time after a restart and completed steps do not rerun", async () => {
    const [eventId] = await client().send([{ name: "conf/sleep", data: { tag: "k1", duration: "4s" } }]);
    const sleeping = await client().waitForRun({ eventId }, ["sleeping"]);
    expect(count("sleeper:k1:before")).toBe(1);
    await crash();
    await start();
    const run = await client().waitForRun({ eventId }, undefined, 30_000);
    expect(run.id).toBe(sleeping.id);
    expect(run.status).toBe("completed");
    expect(run.output.mid - run.output.before).toBeGreaterThanOrEqual(4000);
    for (const k of ["before", "mid", "after"]) expect(count(`sleeper:k1:${k}`)).toBe(1);
  }, 60_000);

  it("a waiting run still matches its event after a restart", async () => {
    const [eventId] = await client().send([{ name: "conf/wait", data: { tag: "k2", orderId: "crash-1", timeout: "60s" } }]);
    const waiting = await client().waitForRun({ eventId }, ["waiting"]);
    expect(count("waiter:k2:before")).toBe(1);
    await crash();
    await start();
    await client().send([{ name: "conf/approved", data: { orderId: "crash-1", by: "bob" } }]);
    // The approval resumed the run: it now waits for the payment (which must arrive after that wait began).
    await client().waitForStep(waiting.id, "big-payment", "waiting");
    await client().send([{ name: "conf/paid", data: { orderId: "crash-1", amount: 100, currency: "EUR" } }]);
    const run = await client().waitForRun({ eventId }, undefined, 30_000);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ approvedBy: "bob", paid: 100 });
    expect(count("waiter:k2:before")).toBe(1);
    expect(count("waiter:k2:after")).toBe(1);
  }, 60_000);
});
