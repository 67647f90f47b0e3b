// Re-sync when the app's function list changes, cron triggers, and step.fetch through the runner.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runner } from "./runner";
import * as store from "./store";
import { RunnerClient, quietLogger, startTestRunner } from "./testing/harness";

let runner: Runner;
let server: Server;
let appUrl = "";
let client: RunnerClient;
let current: (req: never, res: never) => unknown = () => {};
let inngest: Inngest;

function setFunctions(fns: InngestFunction.Any[]) {
  current = serve({ client: inngest, functions: fns }) as never;
}

beforeAll(async () => {
  runner = await startTestRunner({ syncIntervalMs: 200 });
  inngest = new Inngest({ id: "sync", isDev: true, baseUrl: runner.url, logger: quietLogger });
  server = createServer((req, res) => {
    if (req.url === "/hello") {
      res.writeHead(200, { "content-type": "text/plain", "x-demo": "yes" });
      return res.end("hello from the app");
    }
    if (req.url?.startsWith("/api/inngest")) return (current as (a: typeof req, b: typeof res) => unknown)(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  appUrl = `http://127.0.0.1:${port}/api/inngest`;
  client = new RunnerClient(runner.url);
});

afterAll(async () => {
  await runner?.close();
  server?.closeAllConnections();
  await new Promise<void>((r) => server?.close(() => r()));
});

const functionIds = async () => ((await client.json("/api/functions")).functions as Array<{ id: string }>).map((f) => f.id).sort();

describe("sync, cron and gateway", () => {
  it("picks up added and removed functions on re-sync, and runs cron triggers", async () => {
    const first = inngest.createFunction({ id: "first", triggers: [{ event: "sync/first" }] }, async () => "first");
    setFunctions([first]);
    runner.syncer.add(appUrl);
    await client.waitForFunctions(["sync-first"]);

    // The "app restarts" with one more function, triggered every second by cron.
    const ticks: number[] = [];
    const ticker = inngest.createFunction({ id: "ticker", triggers: [{ cron: "* * * * * *" }] }, async ({ event, step }) => {
      const at = await step.run("tick", () => Date.now());
      ticks.push(at);
      return { cron: (event.data as { cron?: string }).cron, name: event.name };
    });
    setFunctions([first, ticker]);
    await client.waitForFunctions(["sync-first", "sync-ticker"]);
    const run = await client.waitForRun({ functionId: "sync-ticker" }, ["completed"], 10_000);
    expect(run.output).toEqual({ cron: "* * * * * *", name: "inngest/scheduled.timer" });
    // A second tick comes a second later (the schedule survives each firing).
    await expect.poll(() => ticks.length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    const fns = (await client.json("/api/functions")).functions as Array<{ id: string; next_cron: number[] }>;
    expect(fns.find((f) => f.id === "sync-ticker")!.next_cron).toHaveLength(1);

    // Removing the function removes it and its schedule. The barrier: a sentinel added in the same
    // sync on the same every-second schedule; once it has started two runs, a leftover ticker
    // schedule would have started at least one more.
    const sentinel = inngest.createFunction({ id: "sentinel", triggers: [{ cron: "* * * * * *" }] }, async () => "tick");
    setFunctions([first, sentinel]);
    await expect.poll(functionIds, { timeout: 5000 }).toEqual(["sync-first", "sync-sentinel"]);
    // The sync that removed ticker dropped its schedule with it.
    expect((await store.listCronJobs(runner.core.db)).map((j) => j.data?.function_id)).toEqual(["sync-sentinel"]);
    const tickerRuns = (await client.runs("?function=sync-ticker")).length;
    await expect.poll(async () => (await client.runs("?function=sync-sentinel")).length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(await client.runs("?function=sync-ticker")).toHaveLength(tickerRuns);
    const after = (await client.json("/api/functions")).functions as Array<{ id: string; next_cron: number[] }>;
    expect(after.map((f) => [f.id, f.next_cron.length])).toEqual([
      ["sync-first", 0],
      ["sync-sentinel", 1],
    ]);
  });

  it("performs step.fetch requests and memoizes the response", async () => {
    const fetcher = inngest.createFunction({ id: "fetcher", triggers: [{ event: "sync/fetch" }] }, async ({ step }) => {
      const res = await step.fetch(appUrl.replace("/api/inngest", "/hello"));
      return { status: res.status, body: await res.text(), header: res.headers.get("x-demo") };
    });
    setFunctions([fetcher]);
    await client.waitForFunctions(["sync-fetcher"]);
    const [eventId] = await client.send([{ name: "sync/fetch" }]);
    const run = await client.waitForRun({ eventId });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ status: 200, body: "hello from the app", header: "yes" });
    expect(run.steps[0].op).toBe("Gateway");
  });
});
