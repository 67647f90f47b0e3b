// Unit tests of flow control's pure parts: reading the synced config (and flagging what the
// runner cannot honour), GCRA, key and priority evaluation, and the overlap measure tests use.
import { describe, expect, it } from "vitest";
import { readFlowConfig } from "./flow/config";
import { gcra } from "./flow/gcra";
import { evaluateRunFlow, keyText, priorityOf } from "./flow/keys";
import { flowSummary } from "./flow/summary";
import { maxOverlap, overlapByKey } from "./testing/overlap";
import type { FunctionConfig, InngestEvent } from "./types";

const fn = (extra: Record<string, unknown>): FunctionConfig => ({
  id: "app-fn",
  name: "fn",
  triggers: [{ event: "a/b" }],
  steps: { step: { id: "step", name: "step", runtime: { url: "http://x" } } },
  ...extra,
});
const event = (data: Record<string, unknown>): InngestEvent => ({ id: "e1", name: "a/b", data, ts: 0 });

describe("reading flow-control config", () => {
  it("normalizes every option the SDK sends", () => {
    const { flow, problems } = readFlowConfig(
      fn({
        concurrency: [{ limit: 1, key: "event.data.k" }, { limit: 5, scope: "account", key: '"openai"' }],
        throttle: { limit: 2, period: "6s", burst: 1, key: "event.data.u" },
        rateLimit: { limit: 1, period: "4h" },
        debounce: { period: "5m", timeout: "10m", key: "event.data.a" },
        idempotency: "event.data.id",
        priority: { run: "event.data.p" },
        singleton: { mode: "cancel" },
        timeouts: { start: "10s", finish: "1h" },
      }),
    );
    expect(problems).toEqual([]);
    expect(flow).toEqual({
      concurrency: [
        { limit: 1, scope: "fn", key: "event.data.k" },
        { limit: 5, scope: "account", key: '"openai"' },
      ],
      throttle: { limit: 2, period: "6s", periodMs: 6000, burst: 1, key: "event.data.u" },
      rateLimit: { limit: 1, period: "4h", periodMs: 14_400_000 },
      debounce: { period: "5m", periodMs: 300_000, key: "event.data.a", timeout: "10m", timeoutMs: 600_000 },
      idempotency: "event.data.id",
      priority: "event.data.p",
      singleton: { mode: "cancel" },
      timeouts: { start: "10s", startMs: 10_000, finish: "1h", finishMs: 3_600_000 },
    });
    expect(flowSummary(flow)).toContain("concurrency 5 per \"openai\" (account)");
  });

  it("takes a plain number as a function-level limit, and 0 as none", () => {
    expect(readFlowConfig(fn({ concurrency: 3 })).flow.concurrency).toEqual([{ limit: 3, scope: "fn" }]);
    expect(readFlowConfig(fn({ concurrency: 0 })).flow.concurrency).toEqual([]);
  });

  it("flags what it cannot honour instead of ignoring it", () => {
    const { flow, problems } = readFlowConfig(
      fn({
        batchEvents: { maxSize: 10, timeout: "5s" },
        triggers: [{ cron: "* * * * *", jitter: "10s" }],
        throttle: { limit: 1, period: "soon" },
        debounce: { period: "1s", key: "event.data.(" },
        concurrency: [{ limit: 1 }, { limit: 2 }, { limit: 3 }],
        somethingNew: true,
      }),
    );
    expect(problems.map((p) => p.option)).toEqual([
      "concurrency",
      "throttle.period",
      "debounce.key",
      "batchEvents",
      "triggers[0].jitter",
      "somethingNew",
    ]);
    expect(flow.throttle).toBeUndefined();
    expect(flow.debounce).toBeUndefined();
    expect(flow.concurrency).toHaveLength(2);
  });

  it("lists every unreadable duration, which makes the function's runs fail rather than start at once", () => {
    const reading = readFlowConfig(
      fn({
        throttle: { limit: 1, period: "soon" },
        rateLimit: { limit: 1 },
        debounce: { period: "abc", timeout: 5 },
        timeouts: { start: "10s", finish: "later" },
      }),
    );
    expect(reading.unreadable).toEqual([
      'throttle.period "soon" is not a duration such as "10s" or "5m"',
      'rateLimit.period needs a duration such as "10s" or "5m"',
      'debounce.period "abc" is not a duration such as "10s" or "5m"',
      'debounce.timeout needs a duration such as "10s" or "5m"',
      'timeouts.finish "later" is not a duration such as "10s" or "5m"',
    ]);
    expect(reading.problems.map((p) => p.option)).toEqual(["throttle.period", "rateLimit.period", "debounce.period", "debounce.timeout", "timeouts.finish"]);
    expect(readFlowConfig(fn({ debounce: { period: "1s", key: "event.data.(" } })).unreadable).toEqual([]);
  });
});

describe("GCRA", () => {
  const limit = { limit: 2, periodMs: 6000, burst: 1 };
  it("admits limit + burst at once, then one per period / limit", () => {
    let tat: number | null = null;
    const admitted: number[] = [];
    for (let now = 0; now <= 6000; now += 500) {
      for (;;) {
        const r = gcra(tat, now, limit);
        if (!r.allowed) break;
        tat = r.tat;
        admitted.push(now);
      }
    }
    expect(admitted).toEqual([0, 0, 0, 3000, 6000]);
  });

  it("says when the next admission is possible", () => {
    const one = { limit: 1, periodMs: 1000, burst: 0 };
    const first = gcra(null, 0, one);
    expect(first).toEqual({ allowed: true, tat: 1000 });
    expect(gcra(1000, 200, one)).toEqual({ allowed: false, retryAt: 1000 });
  });
});

describe("per-run keys", () => {
  it("evaluates keys to text, shared across functions only for env and account scopes", () => {
    const { flow } = readFlowConfig(fn({ concurrency: [{ limit: 1, key: "event.data.k" }, { limit: 9, scope: "env", key: "event.data.n" }] }));
    expect(evaluateRunFlow("app-fn", flow, event({ k: "deployment-42", n: 7 })).concurrency).toEqual([
      { key: "c:fn:app-fn:deployment-42", limit: 1, label: "deployment-42" },
      { key: "c:env:7", limit: 9, label: "7" },
    ]);
    expect(keyText("event.data.missing", event({}))).toBe("");
  });

  it("reads priority factors as whole seconds within ±600", () => {
    expect(priorityOf("event.data.tier == 'ent' ? 120 : 0", event({ tier: "ent" }))).toBe(120);
    expect(priorityOf("event.data.p", event({ p: 5000 }))).toBe(600);
    expect(priorityOf("event.data.p", event({ p: -5000 }))).toBe(-600);
    expect(priorityOf("event.data.missing", event({}))).toBe(0);
    expect(priorityOf(undefined, event({}))).toBe(0);
  });
});

describe("overlap", () => {
  it("counts the most intervals open at once; touching ends do not overlap", () => {
    expect(maxOverlap([])).toBe(0);
    expect(maxOverlap([{ start: 0, end: 10 }, { start: 10, end: 20 }])).toBe(1);
    expect(maxOverlap([{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 6, end: 7 }])).toBe(3);
    expect(overlapByKey([{ key: "a", start: 0, end: 5 }, { key: "b", start: 1, end: 3 }, { key: "a", start: 5, end: 9 }])).toEqual({ a: 1, b: 1 });
  });
});
