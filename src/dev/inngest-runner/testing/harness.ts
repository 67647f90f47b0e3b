// Test harness: a real `serve()` handler from inngest/node on a random port, a runner in-process
// (or any runner URL), and helpers to wait for runs through the runner's JSON API.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { env } from "../../../env";
import { startRunner, type Runner, type RunnerOptions } from "../runner";

export interface TestApp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Serves `functions` at http://127.0.0.1:<random>/api/inngest. */
export async function startTestApp(client: Inngest.Any, functions: InngestFunction.Any[]): Promise<TestApp> {
  const handler = serve({ client, functions });
  const server = createServer((req, res) => {
    if (req.url?.startsWith("/api/inngest")) return handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/inngest`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Keys for signed mode: the runner gets `signing`, the app's client `signingKey` and `eventKey`. */
export interface TestKeys {
  signingKey: string;
  eventKey: string;
}

export function testKeys(): TestKeys {
  return { signingKey: randomBytes(32).toString("hex"), eventKey: `evt-${randomBytes(8).toString("hex")}` };
}

/** The runner options for signed mode with these keys. */
export const signingOf = (keys: TestKeys) => ({ signingKey: keys.signingKey, eventKeys: [keys.eventKey] });

/** An app client: dev mode, or cloud mode against the runner (as an app against self-hosted Inngest). */
export function testClient(id: string, runnerUrl: string, keys?: TestKeys): Inngest {
  if (!keys) return new Inngest({ id, isDev: true, baseUrl: runnerUrl, logger: quietLogger });
  return new Inngest({ id, isDev: false, baseUrl: runnerUrl, signingKey: keys.signingKey, eventKey: keys.eventKey, logger: quietLogger });
}

const noop = () => {};
export const quietLogger = { info: noop, warn: noop, error: noop, debug: noop };

/** Starts an in-memory runner with short backoff for tests. */
export async function startTestRunner(opts: RunnerOptions = {}): Promise<Runner> {
  return startRunner({
    port: 0,
    logLevel: env.RUNNER_TEST_LOG === "1" ? "debug" : "silent",
    backoff: { baseMs: 200, jitter: 0, maxMs: 5000 },
    syncIntervalMs: 60_000,
    ...opts,
  });
}

/** JSON from the runner's HTTP API, which tests read field by field. */
// biome-ignore lint/suspicious/noExplicitAny: typing every API shape here would duplicate api.ts for assertions that check the fields anyway
export type ApiJson = any;

export class RunnerClient {
  constructor(
    public url: string,
    /** Sent as POST /e/<eventKey>; any key works in dev mode. */
    public eventKey = "test",
  ) {}

  async json<T = ApiJson>(path: string, init?: RequestInit): Promise<T> {
    const res = await fetch(this.url + path, init);
    if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${path}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async send(events: Array<{ name: string; data?: Record<string, unknown>; id?: string }>): Promise<string[]> {
    const res = await this.json<{ ids: string[]; status: number }>(`/e/${encodeURIComponent(this.eventKey)}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(events),
    });
    return res.ids;
  }

  async runs(query = ""): Promise<ApiJson[]> {
    return (await this.json<{ runs: ApiJson[] }>(`/api/runs${query}`)).runs;
  }

  async run(id: string): Promise<ApiJson> {
    return this.json(`/api/runs/${id}`);
  }

  /** Waits for the run(s) started by event `eventId` to reach one of `statuses`. */
  async waitForRun(
    predicate: { eventId?: string; functionId?: string },
    statuses: string[] = ["completed", "failed", "cancelled", "skipped"],
    timeoutMs = 20_000,
  ): Promise<ApiJson> {
    const deadline = Date.now() + timeoutMs;
    let last: ApiJson[] = [];
    while (Date.now() < deadline) {
      const q = new URLSearchParams();
      if (predicate.eventId) q.set("event", predicate.eventId);
      if (predicate.functionId) q.set("function", predicate.functionId);
      last = await this.runs(`?${q}`);
      const done = last.find((r) => statuses.includes(r.status));
      if (done) return this.run(done.id);
      await sleep(50);
    }
    throw new Error(`timed out waiting for run ${JSON.stringify(predicate)} to be ${statuses}; saw ${JSON.stringify(last)}`);
  }

  /** Waits until run `runId` is waiting for an event named `eventName` (its wait is registered). */
  async waitForWait(runId: string, eventName: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const run = await this.run(runId);
      if (run.pending.waits.some((w: { event_name: string }) => w.event_name === eventName)) return;
      await sleep(50);
    }
    throw new Error(`run ${runId} never waited for ${eventName}`);
  }

  /** Waits until run `runId` has a step named `name` in `status` (a barrier between events). */
  async waitForStep(runId: string, name: string, status: string, timeoutMs = 20_000): Promise<ApiJson> {
    const deadline = Date.now() + timeoutMs;
    let steps: ApiJson[] = [];
    while (Date.now() < deadline) {
      steps = (await this.run(runId)).steps;
      const found = steps.find((s) => s.name === name && s.status === status);
      if (found) return found;
      await sleep(50);
    }
    throw new Error(`timed out waiting for step "${name}" of run ${runId} to be ${status}; saw ${JSON.stringify(steps.map((s) => [s.name, s.status]))}`);
  }

  async waitForFunctions(ids: string[], timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { functions } = await this.json<{ functions: Array<{ id: string }> }>("/api/functions");
      if (ids.every((id) => functions.some((f) => f.id === id))) return;
      await sleep(50);
    }
    throw new Error(`functions ${ids} never synced`);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
