// Flow control, as Inngest documents it, through a real `serve()` handler over HTTP: concurrency,
// throttle, rateLimit, debounce, idempotency, priority, singleton and timeouts, on PGlite and (with
// TEST_DATABASE_URL) on PostgreSQL. Tests wait on facts — a step having begun, a run's status or
// flow-control reason — and assert on timestamps recorded by the functions themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../env";
import { createLogger } from "./log";
import type { Runner } from "./runner";
import { createFlowCalls, createFlowFunctions, gate, type FlowCalls } from "./testing/flow-app";
import { RunnerClient, startTestApp, startTestRunner, testClient, type TestApp } from "./testing/harness";
import { maxOverlap, overlapByKey } from "./testing/overlap";
import { createTestDatabase, type TestDatabase } from "./testing/postgres";

const backends: Array<{ name: string; pg: boolean }> = [{ name: "PGlite", pg: false }];
if (env.TEST_DATABASE_URL) backends.push({ name: "PostgreSQL", pg: true });

describe.each(backends)("flow control ($name)", ({ pg }) => {
  let db: TestDatabase | null = null;
  let runner: Runner;
  let app: TestApp;
  let client: RunnerClient;
  let calls: FlowCalls;
  const logLines: string[] = [];

  const fnId = (id: string) => `flow-${id}`;
  const send = async (id: string, data: Record<string, unknown>) => (await client.send([{ name: `flow/${id}`, data }]))[0]!;
  const runsOf = (id: string) => client.runs(`?function=${fnId(id)}&limit=100`);
  const begun = (id: string, tag: string) => calls.begun.find((b) => b.fn === id && b.tag === tag);
  const spansOf = (id: string) => calls.spans.filter((s) => s.fn === id);
  const done = (eventId: string, functionId?: string) => client.waitForRun({ eventId, functionId }, undefined, 30_000);

  beforeAll(async () => {
    if (pg) db = await createTestDatabase(env.TEST_DATABASE_URL!);
    runner = await startTestRunner({ databaseUrl: db?.url, logger: createLogger("debug", (l) => logLines.push(l)) });
    calls = createFlowCalls();
    const inngest = testClient("flow", runner.url);
    app = await startTestApp(inngest, createFlowFunctions(inngest, calls));
    runner.syncer.add(app.url);
    client = new RunnerClient(runner.url);
    await client.waitForFunctions([fnId("conc"), fnId("batch")]);
  }, 60_000);

  afterAll(async () => {
    for (const g of calls?.gates.values() ?? []) g.open();
    await runner?.close();
    await app?.close();
    await db?.drop();
  });

  it("flags options the runner does not implement, in the log and on the functions page", async () => {
    const { functions } = await client.json("/api/functions");
    const batch = functions.find((f: { id: string }) => f.id === fnId("batch"));
    expect(batch.unsupported.map((p: { option: string }) => p.option)).toEqual(["batchEvents"]);
    expect(functions.find((f: { id: string }) => f.id === fnId("conc")).unsupported).toEqual([]);
    expect(logLines.some((l) => l.includes("WARN") && l.includes(fnId("batch")) && l.includes("batchEvents"))).toBe(true);
    const page = await (await fetch(`${runner.url}/functions`)).text();
    expect(page).toContain("batchEvents");
    expect(page).toContain("concurrency 1 per event.data.k");
  });

  it("an unreadable duration is flagged at sync and fails the function's runs at creation, with the reason", async () => {
    const { functions } = await client.json("/api/functions");
    expect(functions.find((f: { id: string }) => f.id === fnId("bad-duration")).unsupported).toEqual([
      { option: "debounce.period", message: '"abc" is not a duration such as "10s" or "5m"' },
    ]);
    const reason = 'debounce.period "abc" is not a duration such as "10s" or "5m"';
    const byEvent = await done(await send("bad-duration", { tag: "b1" }));
    const byHand = await done((await client.json(`/api/functions/${fnId("bad-duration")}/invoke`, { method: "POST", body: "{}" })).event_id);
    for (const run of [byEvent, byHand]) {
      expect(run.status).toBe("failed");
      expect(run.reason).toBe(`failed: ${reason}`);
      expect(run.error.message).toBe(`Unreadable function config: ${reason}`);
      expect(run.started_at).toBe(run.ended_at); // never called, as a run cancelled by timeouts.start
      expect(logLines.some((l) => l.includes(`run ${run.id}`) && l.includes("WARN") && l.includes(reason))).toBe(true);
      expect(await (await fetch(`${runner.url}/runs/${run.id}`)).text()).toContain("debounce.period &quot;abc&quot; is not a duration");
    }
    expect(calls.begun.filter((b) => b.fn === "bad-duration")).toEqual([]);
    // step.invoke of it fails the invoking step with the same reason (catchable), without a child run.
    const parent = await done(await send("invoke-bad", {}));
    expect(parent.output.error).toBe(`Invoked function "${fnId("bad-duration")}" has an unreadable config: ${reason}`);
    expect(await runsOf("bad-duration")).toHaveLength(2);
  });

  it("concurrency 1 per key: a second run of a key waits (and says so) while another key runs", async () => {
    const a1 = await send("conc", { tag: "a1", k: "a", gate: "conc-a1" });
    await expect.poll(() => begun("conc", "a1"), { timeout: 10_000 }).toBeTruthy();
    const a2 = await send("conc", { tag: "a2", k: "a" });
    const b1 = await send("conc", { tag: "b1", k: "b" });
    // Key b is not held up by key a.
    expect((await done(b1)).status).toBe("completed");
    const waiting = (await client.runs(`?event=${a2}`))[0];
    expect(waiting.status).toBe("queued");
    expect(waiting.reason).toBe("waiting for concurrency key a (limit 1)");
    expect(begun("conc", "a2")).toBeUndefined();
    expect(await (await fetch(`${runner.url}/runs/${waiting.id}`)).text()).toContain("waiting for concurrency key a (limit 1)");
    expect(await (await fetch(`${runner.url}/?function=${fnId("conc")}`)).text()).toContain("waiting for concurrency key a");
    gate(calls, "conc-a1").open();
    const [r1, r2] = [await done(a1), await done(a2)];
    expect(r2.output.start).toBeGreaterThanOrEqual(r1.output.end);
    expect(r2.reason).toBeNull();
  });

  it("concurrency 1 per key runs many runs one at a time per key and different keys in parallel", async () => {
    const events = ["x", "y", "z"].flatMap((k) => [1, 2, 3].map((i) => ({ name: "flow/conc", data: { tag: `${k}${i}`, k, ms: 60 } })));
    const ids = await client.send(events);
    for (const id of ids) expect((await done(id)).status).toBe("completed");
    const spans = spansOf("conc").filter((s) => ["x", "y", "z"].includes(s.key));
    expect(spans).toHaveLength(9);
    expect(overlapByKey(spans)).toEqual({ x: 1, y: 1, z: 1 });
    expect(overlapByKey(spans.map((s) => ({ ...s, key: "all" }))).all).toBeGreaterThan(1);
  });

  it.each(["env", "account"])("concurrency scope %s: one keyed limit shared by two functions", async (scope) => {
    const key = `${scope}-shared`;
    const held = await send(`${scope}-a`, { tag: "a1", k: key, gate: `${scope}-scope` });
    await expect.poll(() => begun(`${scope}-a`, "a1"), { timeout: 10_000 }).toBeTruthy();
    const blocked = await send(`${scope}-b`, { tag: "b1", k: key });
    await expect
      .poll(async () => (await client.runs(`?event=${blocked}`))[0]?.reason, { timeout: 10_000 })
      .toBe(`waiting for concurrency key ${key} (limit 1)`);
    // Another key value of the same scope is not held up.
    expect((await done(await send(`${scope}-b`, { tag: "b2", k: `${scope}-other` }))).status).toBe("completed");
    expect(begun(`${scope}-b`, "b1")).toBeUndefined();
    gate(calls, `${scope}-scope`).open();
    const [a, b] = [await done(held), await done(blocked)];
    expect([a.status, b.status]).toEqual(["completed", "completed"]);
    expect(b.output.start).toBeGreaterThanOrEqual(a.output.end);
  });

  it("two concurrency limits on one function: both are enforced", async () => {
    const a1 = await send("conc-two", { tag: "a1", k: "a", gate: "two" });
    await expect.poll(() => begun("conc-two", "a1"), { timeout: 10_000 }).toBeTruthy();
    const a2 = await send("conc-two", { tag: "a2", k: "a" });
    const reasonOf = async (id: string) => (await client.runs(`?event=${id}`))[0]?.reason;
    await expect.poll(() => reasonOf(a2), { timeout: 10_000 }).toBe("waiting for concurrency key a (limit 1)");
    // The per-key limit leaves room for key b, under the function's limit of 2.
    const b1 = await send("conc-two", { tag: "b1", k: "b", gate: "two" });
    await expect.poll(() => begun("conc-two", "b1"), { timeout: 10_000 }).toBeTruthy();
    // Key c is free, but the function's limit is full.
    const c1 = await send("conc-two", { tag: "c1", k: "c" });
    await expect.poll(() => reasonOf(c1), { timeout: 10_000 }).toBe(`waiting for concurrency key ${fnId("conc-two")} (limit 2)`);
    expect(begun("conc-two", "a2")).toBeUndefined();
    expect(begun("conc-two", "c1")).toBeUndefined();
    gate(calls, "two").open();
    for (const id of [a1, a2, b1, c1]) expect((await done(id)).status).toBe("completed");
    const spans = spansOf("conc-two");
    expect(spans).toHaveLength(4);
    expect(overlapByKey(spans)).toEqual({ a: 1, b: 1, c: 1 });
    expect(maxOverlap(spans)).toBe(2); // a1 and b1 ran together; never three
  });

  it("a sleeping run holds no concurrency slot", async () => {
    const first = await send("conc-sleep", { tag: "s1", nap: "2s" });
    await client.waitForRun({ eventId: first }, ["sleeping"]);
    const second = await send("conc-sleep", { tag: "s2" });
    const [r1, r2] = [await done(first), await done(second)];
    expect(r2.output.end).toBeLessThan(r1.output.end); // the second ran while the first slept
  });

  it("throttle spaces run starts instead of dropping them", async () => {
    const ids = await client.send([1, 2, 3].map((i) => ({ name: "flow/throttle", data: { tag: `t${i}` } })));
    const runs = [];
    for (const id of ids) runs.push(await done(id));
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed", "completed"]);
    const starts = runs.map((r) => r.started_at).sort((a, b) => a - b);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(950);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(950);
  });

  it("throttle burst: limit + burst runs start at once, the next one a period later", async () => {
    const ids = await client.send([1, 2, 3, 4].map((i) => ({ name: "flow/throttle-burst", data: { tag: `tb${i}` } })));
    for (const id of ids) expect((await done(id)).status).toBe("completed");
    const starts = calls.begun.filter((b) => b.fn === "throttle-burst").map((b) => b.at);
    starts.sort((a, b) => a - b);
    expect(starts).toHaveLength(4);
    // Times from the functions themselves (a step begins a little after its run is admitted), so the
    // bounds leave room for that delay while still telling 3 at once from 1 or 2 per 3s period.
    expect(starts[2]! - starts[0]!).toBeLessThan(2000); // 1 + burst 2 together
    expect(starts[3]! - starts[0]!).toBeGreaterThanOrEqual(2500); // the 4th a period later
  });

  it("throttle per key: runs of different keys are not throttled against each other", async () => {
    const ids = await client.send(
      [
        { tag: "ka1", k: "a" },
        { tag: "ka2", k: "a" },
        { tag: "kb1", k: "b" },
      ].map((data) => ({ name: "flow/throttle-key", data })),
    );
    for (const id of ids) expect((await done(id)).status).toBe("completed");
    const at = (k: string) =>
      calls.begun
        .filter((b) => b.fn === "throttle-key" && b.tag.startsWith(`k${k}`))
        .map((b) => b.at)
        .sort((x, y) => x - y);
    const [a, b] = [at("a"), at("b")];
    expect(a).toHaveLength(2);
    expect(a[1]! - a[0]!).toBeGreaterThanOrEqual(2500); // key a: one per 3s period
    expect(Math.abs(b[0]! - a[0]!)).toBeLessThan(1500); // key b did not wait behind key a
  });

  it("rateLimit skips the excess per key and says why", async () => {
    const ids = await client.send([
      { name: "flow/rate", data: { tag: "r1", k: "a" } },
      { name: "flow/rate", data: { tag: "r2", k: "a" } },
      { name: "flow/rate", data: { tag: "r3", k: "a" } },
      { name: "flow/rate", data: { tag: "r4", k: "b" } },
    ]);
    const runs = [];
    for (const id of ids) runs.push(await done(id));
    expect(runs.map((r) => r.status)).toEqual(["completed", "skipped", "skipped", "completed"]);
    expect(runs[1].reason).toBe("skipped by rateLimit (key a): 1 per 1m");
    expect(begun("rate", "r2")).toBeUndefined();
    expect(await (await fetch(`${runner.url}/runs/${runs[1].id}`)).text()).toContain("skipped by rateLimit");
  });

  it("debounce runs once, with the last event, after the quiet period", async () => {
    const first = await send("debounce", { tag: "d1", k: "a" });
    const other = await send("debounce", { tag: "o1", k: "b" });
    await send("debounce", { tag: "d2", k: "a" });
    const lastAt = Date.now();
    const last = await send("debounce", { tag: "d3", k: "a" });
    const run = await done(last);
    expect(run.status).toBe("completed");
    expect(run.output.tag).toBe("d3");
    expect(run.started_at - lastAt).toBeGreaterThanOrEqual(950);
    expect(await client.runs(`?event=${first}`)).toEqual([]);
    expect((await done(other)).output.tag).toBe("o1");
    expect((await runsOf("debounce")).map((r) => r.output?.tag).sort()).toEqual(["d3", "o1"]);
  });

  it("debounce timeout starts the run at most `timeout` after the first event", async () => {
    const firstAt = Date.now();
    await send("debounce-max", { tag: "m1" });
    const last = await send("debounce-max", { tag: "m2" });
    const run = await done(last);
    expect(run.output.tag).toBe("m2");
    expect(run.started_at - firstAt).toBeGreaterThanOrEqual(950);
    expect(run.started_at - firstAt).toBeLessThan(30_000); // not the 1m period
  });

  it("idempotency runs once per key", async () => {
    const ids = await client.send([
      { name: "flow/idem", data: { tag: "i1", k: "x" } },
      { name: "flow/idem", data: { tag: "i2", k: "x" } },
      { name: "flow/idem", data: { tag: "i3", k: "y" } },
    ]);
    const runs = [];
    for (const id of ids) runs.push(await done(id));
    expect(runs.map((r) => r.status)).toEqual(["completed", "skipped", "completed"]);
    expect(runs[1].reason).toMatch(/^skipped by idempotency \(key x\)/);
    const later = await done(await send("idem", { tag: "i4", k: "x" }));
    expect(later.status).toBe("skipped");
  });

  it("priority orders queued runs", async () => {
    const blocker = await send("prio", { tag: "p0", gate: "prio" });
    await expect.poll(() => begun("prio", "p0"), { timeout: 10_000 }).toBeTruthy();
    const low = await send("prio", { tag: "low", p: 0 });
    const high = await send("prio", { tag: "high", p: 120 });
    for (const id of [low, high]) {
      await expect.poll(async () => (await client.runs(`?event=${id}`))[0]?.reason, { timeout: 10_000 }).toMatch(/^waiting for concurrency/);
    }
    gate(calls, "prio").open();
    await done(blocker);
    const [l, h] = [await done(low), await done(high)];
    expect(h.output.end).toBeLessThanOrEqual(l.output.start);
  });

  it("singleton skip: a second run of a key is skipped while the first is in progress", async () => {
    const first = await send("single-skip", { tag: "k1", k: "a", gate: "single" });
    await expect.poll(() => begun("single-skip", "k1"), { timeout: 10_000 }).toBeTruthy();
    const second = await done(await send("single-skip", { tag: "k2", k: "a" }));
    const otherKey = await done(await send("single-skip", { tag: "k3", k: "b" }));
    expect(second.status).toBe("skipped");
    expect(second.reason).toMatch(/^skipped by singleton \(key a\): run \w+ is in progress$/);
    expect(otherKey.status).toBe("completed");
    gate(calls, "single").open();
    expect((await done(first)).status).toBe("completed");
    const after = await done(await send("single-skip", { tag: "k4", k: "a" }));
    expect(after.status).toBe("completed");
  });

  it("singleton cancel: a new run cancels the one in progress", async () => {
    const first = await send("single-cancel", { tag: "c1", k: "a", nap: "30s" });
    await client.waitForRun({ eventId: first }, ["sleeping"]);
    const second = await send("single-cancel", { tag: "c2", k: "a" });
    const [r1, r2] = [await done(first), await done(second)];
    expect(r1.status).toBe("cancelled");
    expect(r1.reason).toBe(`cancelled: singleton: replaced by run ${r2.id}`);
    expect(r2.status).toBe("completed");
  });

  it("timeouts.finish cancels a run that runs too long, with the reason shown", async () => {
    const id = await send("timeout-finish", { tag: "f1", nap: "30s" });
    const run = await done(id);
    expect(run.status).toBe("cancelled");
    expect(run.reason).toBe("cancelled: timeouts.finish 1s");
    expect(run.error.message).toBe("Run cancelled: timeouts.finish 1s");
    expect(run.ended_at - run.started_at).toBeGreaterThanOrEqual(950);
    expect(run.ended_at - run.started_at).toBeLessThan(20_000);
  });

  it("timeouts.start cancels a run that could not start in time", async () => {
    const blocker = await send("timeout-start", { tag: "b", gate: "tstart" });
    await expect.poll(() => begun("timeout-start", "b"), { timeout: 10_000 }).toBeTruthy();
    const late = await done(await send("timeout-start", { tag: "late" }));
    expect(late.status).toBe("cancelled");
    expect(late.reason).toBe("cancelled: timeouts.start 1s");
    expect(late.started_at).toBe(late.ended_at); // never called
    expect(begun("timeout-start", "late")).toBeUndefined();
    gate(calls, "tstart").open();
    expect((await done(blocker)).status).toBe("completed");
  });
});
