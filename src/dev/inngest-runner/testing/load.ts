// Load scenario shared by the load test and `npm run bench`: N concurrent runs of the five-step
// function, over HTTP against a real serve() handler, counting every step execution.
// The runner runs in this process, or as its own process (as under `npm run dev`).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunnerOptions } from "../runner";
import { freePort, spawnRunner } from "./child-runner";
import { createCalls, createConformanceFunctions } from "./conformance-app";
import { RunnerClient, sleep, startTestApp, startTestRunner, testClient } from "./harness";
import { overlapByKey } from "./overlap";

export interface LoadResult {
  runs: number;
  seconds: number;
  runsPerSecond: number;
  stepsPerSecond: number;
  /** Step executions that were not exactly one per step (should be empty). */
  wrongCounts: string[];
  completed: number;
  /** Keyed scenario: the most runs of one key seen executing at once (must be 1). */
  maxPerKey?: number;
}

export interface LoadOptions {
  /** Run the runner as a child process (`tsx main.ts`) with this storage env; otherwise in-process. */
  childEnv?: Record<string, string>;
  runner?: RunnerOptions;
  /** Spread the runs over this many keys of `concurrency: {limit: 1, key: "event.data.k"}`. */
  keys?: number;
}

async function startRunnerFor(o: LoadOptions): Promise<{ url: string; close(): Promise<void>; add?: (url: string) => void; port?: number }> {
  if (!o.childEnv) {
    const r = await startTestRunner({ concurrency: 32, ...o.runner });
    return { url: r.url, close: () => r.close(), add: (u) => r.syncer.add(u) };
  }
  const port = await freePort();
  return { url: `http://127.0.0.1:${port}`, port, close: async () => {} };
}

export async function runLoad(runs = 100, o: LoadOptions = {}): Promise<LoadResult> {
  const calls = createCalls();
  const pre = await startRunnerFor(o);
  const inngest = testClient("load", pre.url);
  const app = await startTestApp(inngest, createConformanceFunctions(inngest, calls));
  let close = pre.close;
  let tmp: string | null = null;
  try {
    if (pre.add) pre.add(app.url);
    else {
      const env = { ...o.childEnv };
      if (!env.INNGEST_RUNNER_DATABASE_URL && !env.INNGEST_RUNNER_DATA_DIR) {
        tmp = mkdtempSync(path.join(tmpdir(), "inngest-runner-load-"));
        env.INNGEST_RUNNER_DATA_DIR = tmp;
      }
      const child = await spawnRunner({ ...env, INNGEST_RUNNER_APP_URL: app.url, INNGEST_RUNNER_LOG_LEVEL: "warn" }, pre.port!);
      close = () => child.kill("SIGTERM");
    }
    const client = new RunnerClient(pre.url);
    const fn = o.keys ? "load-five-steps-keyed" : "load-five-steps";
    const name = o.keys ? "conf/five-keyed" : "conf/five";
    await client.waitForFunctions([fn], 60_000);
    // Warm up the HTTP path and the SDK once, outside the measurement.
    const [warm] = await client.send([{ name, data: { tag: "warmup", k: "warmup" } }]);
    await client.waitForRun({ eventId: warm });

    const tags = Array.from({ length: runs }, (_, i) => `load${i}`);
    const started = performance.now();
    await client.send(tags.map((tag, i) => ({ name, data: { tag, k: `k${i % (o.keys || 1)}` } })));
    let completed = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const list = await client.runs(`?function=${fn}&status=completed&limit=${runs + 10}`);
      completed = list.filter((r) => r.event_id !== warm).length;
      if (completed >= runs) break;
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    const wrongCounts: string[] = [];
    for (const tag of tags) {
      for (let i = 1; i <= 5; i++) {
        const n = calls.counts.get(`five:${tag}:s${i}`) ?? 0;
        if (n !== 1) wrongCounts.push(`${tag}:s${i}=${n}`);
      }
    }
    const maxPerKey = o.keys ? Math.max(0, ...Object.values(overlapByKey(calls.spans.filter((sp) => sp.key !== "warmup")))) : undefined;
    return { runs, seconds, runsPerSecond: completed / seconds, stepsPerSecond: (completed * 5) / seconds, wrongCounts, completed, maxPerKey };
  } finally {
    await close();
    await app.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
