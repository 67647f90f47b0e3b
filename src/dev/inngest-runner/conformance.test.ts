// Conformance: the runner drives a real `serve()` handler over HTTP through every op it supports.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Runner } from "./runner";
import { createCalls, createConformanceFunctions, type Calls } from "./testing/conformance-app";
import { RunnerClient, startTestApp, startTestRunner, testClient, type ApiJson, type TestApp } from "./testing/harness";

let runner: Runner;
let app: TestApp;
let client: RunnerClient;
let calls: Calls;
const count = (key: string) => calls.counts.get(key) ?? 0;
const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

beforeAll(async () => {
  runner = await startTestRunner();
  calls = createCalls();
  const inngest = testClient("conf", runner.url);
  app = await startTestApp(inngest, createConformanceFunctions(inngest, calls));
  runner.syncer.add(app.url);
  client = new RunnerClient(runner.url);
  await client.waitForFunctions(["conf-steps", "conf-failing-failure", "conf-five-steps"]);
});

afterAll(async () => {
  await runner?.close();
  await app?.close();
});

async function runOf(event: { name: string; data?: Record<string, unknown> }, functionId?: string, timeoutMs?: number) {
  const [id] = await client.send([event]);
  return client.waitForRun({ eventId: id, functionId }, undefined, timeoutMs);
}

describe("sync and intake", () => {
  it("registers every function with its triggers, and the onFailure handler as <id>-failure", async () => {
    const { functions, apps } = await client.json("/api/functions");
    expect(apps[0]).toMatchObject({ url: app.url, app_name: "conf", function_count: functions.length });
    const failure = functions.find((f: ApiJson) => f.id === "conf-failing-failure");
    expect(failure.triggers[0]).toEqual({ event: "inngest/function.failed", expression: "event.data.function_id == 'conf-failing'" });
    expect(functions.find((f: ApiJson) => f.id === "conf-cancellable").cancel[0]).toEqual({
      event: "conf/stop",
      if: "event.data.jobId == async.data.jobId",
    });
  });

  it("answers event intake with ids and status 200, keeping ids the sender chose and deduplicating them", async () => {
    const res = await fetch(`${runner.url}/e/any-key`, {
      method: "POST",
      body: JSON.stringify([{ name: "conf/nothing", data: {} }, { name: "conf/nothing", id: "my-id-1", data: {} }]),
    });
    const body = await res.json();
    expect(body.status).toBe(200);
    expect(body.ids).toHaveLength(2);
    expect(body.ids[1]).toBe("my-id-1");
    const again = await client.send([{ name: "conf/filtered", id: "my-id-1", data: { priority: 9 } }]);
    expect(again).toEqual(["my-id-1"]);
    // Barrier: a later event with the same name and data does start its run, so by the time it
    // has, the duplicate would have too.
    const [later] = await client.send([{ name: "conf/filtered", data: { priority: 9 } }]);
    expect((await client.waitForRun({ eventId: later })).output).toEqual({ priority: 9 });
    expect(await client.runs("?event=my-id-1")).toHaveLength(0);
  });

  it("evaluates trigger expressions", async () => {
    const [low, high] = await client.send([
      { name: "conf/filtered", data: { priority: 1 } },
      { name: "conf/filtered", data: { priority: 9 } },
    ]);
    const run = await client.waitForRun({ eventId: high });
    expect(run.output).toEqual({ priority: 9 });
    expect(await client.runs(`?event=${low}`)).toHaveLength(0);
  });
});

describe("steps", () => {
  it("runs sequential steps once each, memoizing their results (undefined becomes null)", async () => {
    const run = await runOf({ name: "conf/steps", data: { tag: "seq" } });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ a: { n: 1 }, b: { n: 2 }, nothing: null, tag: "seq" });
    expect([count("steps:seq:a"), count("steps:seq:b"), count("steps:seq:c")]).toEqual([1, 1, 1]);
    expect(run.steps.map((s: ApiJson) => [s.name, s.op, s.status, s.attempts])).toEqual([
      ["a", "StepRun", "completed", 1],
      ["b", "StepRun", "completed", 1],
      ["undefined-result", "StepRun", "completed", 1],
    ]);
    // Steps are keyed by the SDK's sha1 hashed ids.
    expect(run.steps[0].id).toBe(sha1("a"));
    expect(run.steps[0].output).toEqual({ n: 1 });
  });

  it("runs parallel steps each exactly once, then continues", async () => {
    const run = await runOf({ name: "conf/parallel", data: { tag: "par" } });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ results: [1, 2, 3], after: 6 });
    for (const id of ["p1", "p2", "p3", "after"]) expect(count(`parallel:par:${id}`)).toBe(1);
    expect(run.steps).toHaveLength(4);
  });

  it("many parallel runs at once still run every step once", async () => {
    const tags = Array.from({ length: 10 }, (_, i) => `many${i}`);
    const ids = await client.send(tags.map((tag) => ({ name: "conf/parallel", data: { tag } })));
    for (const id of ids) expect((await client.waitForRun({ eventId: id })).status).toBe("completed");
    for (const tag of tags) for (const s of ["p1", "p2", "p3", "after"]) expect(count(`parallel:${tag}:${s}`)).toBe(1);
  });
});

describe("errors and retries", () => {
  it("retries a failing step with backoff and counts attempts", async () => {
    const run = await runOf({ name: "conf/retry", data: { tag: "r1" } });
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ succeededOn: 3, attempt: 2 });
    const step = run.steps[0];
    expect(step).toMatchObject({ name: "flaky", status: "completed", attempts: 3 });
    expect(step.history.map((h: ApiJson) => h.error?.message ?? "ok")).toEqual(["flaky failure 1", "flaky failure 2", "ok"]);
    // Backoff: base 200ms, doubling, no jitter → gaps of at least 200ms and 400ms.
    const t = calls.times.get("retry:r1:flaky")!;
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(190);
    expect(t[2]! - t[1]!).toBeGreaterThanOrEqual(390);
  });

  it("honours Retry-After", async () => {
    const run = await runOf({ name: "conf/retry-after", data: { tag: "ra" } });
    expect(run.status).toBe("completed");
    expect(run.output).toBe(2);
    const t = calls.times.get("retry-after:ra")!;
    expect(t[1]! - t[0]!).toBeGreaterThanOrEqual(1900);
  });

  it("retries errors thrown outside steps without rerunning completed steps", async () => {
    const run = await runOf({ name: "conf/fn-error", data: { tag: "fe" } });
    expect(run.status).toBe("completed");
    expect(count("fn-error:fe:first")).toBe(1);
    expect(count("fn-error:fe:body")).toBe(3);
  });

  it("fails after max_attempts (retries + 1), then runs onFailure with the failed event", async () => {
    const [eventId] = await client.send([{ name: "conf/fail", data: { tag: "f1" } }]);
    const run = await client.waitForRun({ eventId });
    expect(run.status).toBe("failed");
    expect(run.error.message).toContain("step exploded");
    expect(count("failing:f1:explode")).toBe(2); // retries: 1
    expect(run.steps[0]).toMatchObject({ status: "failed", attempts: 2 });
    const failure = await client.waitForRun({ functionId: "conf-failing-failure" });
    expect(failure.status).toBe("completed");
    expect(failure.event.name).toBe("inngest/function.failed");
    expect(failure.event.data).toMatchObject({ function_id: "conf-failing", run_id: run.id });
    expect(failure.output).toEqual({ handled: true, original: "conf/fail", message: "step exploded" });
    expect(calls.failures).toHaveLength(1);
  });

  it("lets user code catch a step's final failure", async () => {
    const run = await runOf({ name: "conf/caught" });
    expect(run.output).toEqual({ caught: true, message: "boom" });
    expect(run.steps[0]).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("does not retry a NonRetriableError", async () => {
    const run = await runOf({ name: "conf/non-retriable", data: { tag: "nr" } });
    expect(run.status).toBe("failed");
    expect(count("non-retriable:nr")).toBe(1);
    expect(run.error.message).toContain("do not retry me");
  });
});

describe("sleep, wait, invoke, send, cancel", () => {
  it("sleeps for durations and until dates", async () => {
    const run = await runOf({ name: "conf/sleep", data: { tag: "s1", duration: "1s" } });
    expect(run.status).toBe("completed");
    const { before, mid, after } = run.output;
    expect(mid - before).toBeGreaterThanOrEqual(1000);
    expect(after - mid).toBeGreaterThanOrEqual(950);
    expect(mid - before).toBeLessThan(4000);
    for (const k of ["before", "mid", "after"]) expect(count(`sleeper:s1:${k}`)).toBe(1);
    const sleeps = run.steps.filter((s: ApiJson) => s.op === "Sleep");
    expect(sleeps.map((s: ApiJson) => [s.name, s.status])).toEqual([
      ["nap", "completed"],
      ["until", "completed"],
    ]);
  });

  it("resumes a wait on a matching event (match and a CEL `if`), ignoring non-matching ones", async () => {
    const [eventId] = await client.send([{ name: "conf/wait", data: { tag: "w1", orderId: "o1", timeout: "10s" } }]);
    const waiting = await client.waitForRun({ eventId }, ["waiting"]);
    await client.send([
      { name: "conf/approved", data: { orderId: "other", by: "mallory" } },
      { name: "conf/approved", data: { orderId: "o1", by: "alice" } },
    ]);
    // Only events arriving after a wait starts match it: send the payments once the run waits for them.
    await client.waitForWait(waiting.id, "conf/paid");
    await client.send([
      { name: "conf/paid", data: { orderId: "o1", amount: 50, currency: "EUR" } },
      { name: "conf/paid", data: { orderId: "o1", amount: 500, currency: "EUR", test: true } },
      { name: "conf/paid", data: { orderId: "o1", amount: 120.5, currency: "EUR" } },
    ]);
    const run = await client.waitForRun({ eventId });
    expect(run.output).toEqual({ approvedBy: "alice", paid: 120.5 });
    expect(count("waiter:w1:before")).toBe(1);
    expect(count("waiter:w1:after")).toBe(1);
  });

  it("returns null when a wait times out", async () => {
    const started = Date.now();
    const run = await runOf({ name: "conf/wait", data: { tag: "w2", orderId: "o2", timeout: "1s" } });
    expect(run.output).toEqual({ approvedBy: null, paid: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    const waits = run.steps.filter((s: ApiJson) => s.op === "WaitForEvent");
    expect(waits.every((s: ApiJson) => s.detail.timed_out === true)).toBe(true);
  });

  it("invokes another function and returns its result", async () => {
    const run = await runOf({ name: "conf/invoke", data: { x: 21 } }, "conf-parent");
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ fromChild: { doubled: 42 } });
    expect(run.children).toHaveLength(1);
    const child = await client.run(run.children[0].id);
    expect(child.event.name).toBe("inngest/function.invoked");
    expect(child.status).toBe("completed");
  });

  it("surfaces an invoked function's failure as a catchable error", async () => {
    const run = await runOf({ name: "conf/invoke-fail" }, "conf-parent-catch");
    expect(run.status).toBe("completed");
    expect(run.output.error).toContain("child refused");
  });

  it("times out an invoke that takes longer than its timeout", async () => {
    const started = Date.now();
    const run = await runOf({ name: "conf/invoke-timeout" }, "conf-impatient");
    expect(run.status).toBe("completed");
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(Date.now() - started).toBeLessThan(9000);
    expect(run.output.error).toMatch(/timed out/i);
    expect(run.steps[0]).toMatchObject({ op: "InvokeFunction", status: "failed" });
  });

  it("sends events from a step, triggering other functions", async () => {
    const run = await runOf({ name: "conf/send", data: { tag: "snd" } });
    expect(run.status).toBe("completed");
    expect(run.output.ids).toHaveLength(1);
    const triggered = await client.waitForRun({ eventId: run.output.ids[0] });
    expect(triggered.output).toEqual({ gotTag: "snd" });
    expect(run.steps[0].op).toBe("SendEvent");
  });

  it("cancels runs on a matching cancelOn event and emits inngest/function.cancelled", async () => {
    const [a, b] = await client.send([
      { name: "conf/long", data: { jobId: "j1" } },
      { name: "conf/long", data: { jobId: "j2" } },
    ]);
    await client.waitForRun({ eventId: a }, ["sleeping"]);
    await client.waitForRun({ eventId: b }, ["sleeping"]);
    await client.send([{ name: "conf/stop", data: { jobId: "j1" } }]);
    const cancelled = await client.waitForRun({ eventId: a });
    expect(cancelled.status).toBe("cancelled");
    expect(count("cancellable:j1:never")).toBe(0);
    const { events } = await client.json("/api/events?name=inngest/function.cancelled");
    expect(events.some((e: ApiJson) => e.payload.data.run_id === cancelled.id)).toBe(true);
    // j2 is untouched; cancel it through the API instead.
    const other = (await client.runs(`?event=${b}`))[0];
    expect(other.status).toBe("sleeping");
    expect(await client.json(`/api/runs/${other.id}/cancel`, { method: "POST" })).toEqual({ cancelled: true });
    expect((await client.run(other.id)).status).toBe("cancelled");
  });

  it("replays an event as a new event that starts a new run", async () => {
    const first = await runOf({ name: "conf/steps", data: { tag: "replay" } });
    const { id } = await client.json(`/api/events/${first.event_id}/replay`, { method: "POST" });
    expect(id).not.toBe(first.event_id);
    const second = await client.waitForRun({ eventId: id });
    expect(second.output.tag).toBe("replay");
    expect(count("steps:replay:a")).toBe(2);
  });
});
