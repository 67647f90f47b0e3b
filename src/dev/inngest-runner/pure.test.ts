// Unit tests of the pure pieces: durations, backoff, Retry-After, expressions, cron, reply parsing.
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../env";
import { backoffDelay, parseRetryAfter } from "./backoff";
import { callBody, interpretReply } from "./call";
import { optionsFromEnv } from "./config";
import { cronMatches, nextCronTime, parseCron } from "./cron";
import { formatDuration, parseDuration, parseTime, resolveTime } from "./duration";
import { evaluateExpression, expressionError } from "./expression";
import { ulid } from "./ids";
import { formatLine } from "./log";
import { eventNameMatches, maxAttemptsOf } from "./registry";
import type { FunctionConfig } from "./types";

describe("durations", () => {
  it("parses the SDK's compound time strings", () => {
    expect(parseDuration("1s")).toBe(1000);
    expect(parseDuration("1w2d3h4m5s")).toBe(((7 + 2) * 24 * 3600 + 3 * 3600 + 4 * 60 + 5) * 1000);
    expect(parseDuration("2h30m")).toBe(9_000_000);
    expect(parseDuration("500ms")).toBe(500);
    expect(parseDuration("1.5m")).toBe(90_000);
    expect(parseDuration("1m30s")).toBe(90_000);
    expect(parseDuration("250")).toBe(250);
    expect(parseDuration("")).toBe(0);
    expect(parseDuration("soon")).toBeNull();
    expect(parseDuration("5x")).toBeNull();
    expect(parseDuration("1s junk")).toBeNull();
  });

  it("resolves durations from now and takes dates as they are", () => {
    expect(resolveTime("1h", 1000)).toBe(1000 + 3_600_000);
    expect(resolveTime("2030-01-02T03:04:05.000Z", 0)).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
    expect(() => resolveTime("whenever", 0)).toThrow(/Invalid duration/);
    expect(() => resolveTime("2030-99-99T00:00:00Z", 0)).toThrow(/not a valid date/);
  });

  it("returns a typed error for anything that is not a time, never now or never", () => {
    expect(parseTime("90s", 1000)).toEqual({ ok: true, at: 91_000 });
    expect(parseTime("2030-01-02T03:04:05.000Z", 0)).toEqual({ ok: true, at: Date.UTC(2030, 0, 2, 3, 4, 5) });
    for (const bad of ["", "  ", "soon", "5 minutes", "1s junk", "2030-13-45", "99999999999y", undefined, null, 30, {}]) {
      const r = parseTime(bad, 0, "sleep duration");
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe("invalid-time");
        expect(r.error.input).toBe(bad);
        expect(r.error.message).toMatch(/^Invalid sleep duration /);
      }
    }
    const r = parseTime("5 minutes", 0, "wait timeout");
    expect(!r.ok && r.error.message).toBe('Invalid wait timeout "5 minutes": expected a duration such as "30s", "5m", "2h30m", "1w2d" or an ISO date');
  });

  it("formats spans for people", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(4200)).toBe("4.20s");
    expect(formatDuration(185_000)).toBe("3m 5s");
    expect(formatDuration(3_720_000)).toBe("1h 2m");
  });
});

describe("backoff and Retry-After", () => {
  const opts = { baseMs: 1000, maxMs: 10_000, jitter: 0.5 };
  it("doubles per attempt, adds bounded jitter and caps", () => {
    expect(backoffDelay(0, opts, () => 0)).toBe(1000);
    expect(backoffDelay(1, opts, () => 0)).toBe(2000);
    expect(backoffDelay(2, opts, () => 1)).toBe(6000);
    expect(backoffDelay(10, opts, () => 1)).toBe(10_000);
  });
  it("reads seconds and dates", () => {
    expect(parseRetryAfter("5", 0)).toBe(5000);
    expect(parseRetryAfter(new Date(10_000).toISOString(), 4000)).toBe(6000);
    expect(parseRetryAfter(new Date(1000).toUTCString(), 4000)).toBe(0);
    expect(parseRetryAfter(null, 0)).toBeNull();
    expect(parseRetryAfter("later", 0)).toBeNull();
  });
});

describe("expressions (CEL)", () => {
  const event = { name: "a", data: { orderId: "o1", n: 21, ok: true, nested: { x: null }, tags: ["a", "b"] } };
  const async = { name: "b", data: { orderId: "o1", amount: 150.5, user: { plan: "pro" } } };
  const cases: Array<[string, boolean]> = [
    ["event.data.orderId == async.data.orderId", true],
    ["event.data.orderId != async.data.orderId", false],
    ["async.data.amount > 100", true],
    ["async.data.amount >= 150.5 && async.data.amount < 151", true],
    ["event.data.n == 21", true],
    ["event.data.n <= 20 || async.data.user.plan == 'pro'", true],
    ["!event.data.ok", false],
    ["!(event.data.n > 100) && event.data.ok == true", true],
    ["event.data.nested.x == null", true],
    ['async.data.user.plan == "pro"', true],
    ["event.data.missing == 'x'", false], // a missing field is an error, which does not match
    ["'a' in event.data.tags", true],
    ["has(async.data.user) && !has(async.data.coupon)", true],
    ["1 +", false], // syntax error
    ["event.data.n", false], // not a boolean
  ];
  it.each(cases)("%s → %s", (expr, expected) => {
    expect(evaluateExpression(expr, { event, async })).toBe(expected);
  });
  it("treats no expression as a match and reports syntax errors", () => {
    expect(evaluateExpression(undefined, {})).toBe(true);
    expect(evaluateExpression("  ", {})).toBe(true);
    expect(expressionError("a ==")).toBeTruthy();
    expect(expressionError("a == 1")).toBeNull();
  });
});

describe("cron", () => {
  const at = (iso: string) => Date.parse(iso);
  it("parses fields, ranges, steps, lists and names", () => {
    // Weekdays 9-17 every 15 minutes in January and July: from March 2026 the first is Wed 1 July 09:00.
    const s = parseCron("*/15 9-17 * JAN,jul MON-FRI");
    expect(nextCronTime(s, at("2026-03-01T00:00:00Z"))).toBe(at("2026-07-01T09:00:00Z"));
    expect(nextCronTime(s, at("2026-07-01T09:00:00Z"))).toBe(at("2026-07-01T09:15:00Z"));
    expect(nextCronTime(s, at("2026-07-03T17:45:00Z"))).toBe(at("2026-07-06T09:00:00Z")); // Fri → Mon
    // 7 is Sunday too.
    expect(nextCronTime(parseCron("0 0 * * 7"), at("2026-03-02T00:00:00Z"))).toBe(at("2026-03-08T00:00:00Z"));
    expect(() => parseCron("* * *")).toThrow(/Cron "\* \* \*" is invalid/);
    expect(() => parseCron("* * * * * * *")).toThrow(/5 or 6 parts/); // croner's year field is not Inngest's
    expect(() => parseCron("61 * * * *")).toThrow(/minute: 61/);
    expect(() => parseCron("TZ=Nowhere/City * * * * *")).toThrow(/unknown time zone "Nowhere\/City"/);
  });
  it("matches times", () => {
    const s = parseCron("30 8 * * 1");
    expect(cronMatches(s, new Date("2026-01-05T08:30:00Z"))).toBe(true); // a Monday
    expect(cronMatches(s, new Date("2026-01-06T08:30:00Z"))).toBe(false);
  });
  it("finds the next fire time", () => {
    expect(nextCronTime(parseCron("*/5 * * * *"), at("2026-03-01T10:02:10Z"))).toBe(at("2026-03-01T10:05:00Z"));
    expect(nextCronTime(parseCron("*/5 * * * *"), at("2026-03-01T10:05:00Z"))).toBe(at("2026-03-01T10:10:00Z"));
    expect(nextCronTime(parseCron("@daily"), at("2026-03-01T10:00:00Z"))).toBe(at("2026-03-02T00:00:00Z"));
    expect(nextCronTime(parseCron("0 0 29 2 *"), at("2026-03-01T00:00:00Z"))).toBe(at("2028-02-29T00:00:00Z"));
    expect(nextCronTime(parseCron("*/2 * * * * *"), at("2026-03-01T10:00:01.500Z"))).toBe(at("2026-03-01T10:00:02Z"));
    // Day of month OR day of week when both are restricted (standard cron).
    expect(nextCronTime(parseCron("0 0 15 * FRI"), at("2026-03-01T00:00:00Z"))).toBe(at("2026-03-06T00:00:00Z"));
  });
  it("honours a TZ= prefix", () => {
    // 09:00 in Paris is 08:00 UTC in winter and 07:00 UTC in summer.
    expect(nextCronTime(parseCron("TZ=Europe/Paris 0 9 * * *"), at("2026-01-10T12:00:00Z"))).toBe(at("2026-01-11T08:00:00Z"));
    expect(nextCronTime(parseCron("TZ=Europe/Paris 0 9 * * *"), at("2026-07-10T12:00:00Z"))).toBe(at("2026-07-11T07:00:00Z"));
    expect(parseCron("CRON_TZ=America/New_York @daily").timeZone).toBe("America/New_York");
    // Without a prefix schedules are UTC (as Inngest reads them), whatever the machine's zone.
    expect(nextCronTime(parseCron("@hourly"), at("2026-03-01T10:30:00Z"))).toBe(at("2026-03-01T11:00:00Z"));
    expect(nextCronTime(parseCron("0 3 * * *"), at("2026-03-01T10:30:00Z"))).toBe(at("2026-03-02T03:00:00Z"));
  });
});

describe("protocol helpers", () => {
  it("never sends ctx.fn_id and always sends max_attempts", () => {
    const body = callBody({
      url: "http://x",
      stepId: "step",
      event: { id: "e", name: "n", data: {}, ts: 1 },
      events: [],
      steps: { abc: { data: 1 } },
      stack: ["abc"],
      runId: "r",
      attempt: 2,
      maxAttempts: 5,
      disableImmediateExecution: false,
      timeoutMs: 1000,
    }) as { ctx: Record<string, unknown> };
    expect(body.ctx).not.toHaveProperty("fn_id");
    expect(body.ctx).toMatchObject({ run_id: "r", attempt: 2, max_attempts: 5, stack: { stack: ["abc"], current: 0 } });
  });

  it("interprets replies", () => {
    const h = (o: Record<string, string> = {}) => new Headers(o);
    expect(interpretReply(200, h(), '{"a":1}', 0)).toEqual({ kind: "complete", output: { a: 1 } });
    expect(interpretReply(200, h(), "", 0)).toEqual({ kind: "complete", output: null });
    expect(interpretReply(206, h(), '[{"id":"x","op":"StepRun"}]', 0)).toMatchObject({ kind: "ops", ops: [{ id: "x" }] });
    expect(interpretReply(500, h({ "x-inngest-no-retry": "false", "retry-after": "5" }), '{"name":"Error","message":"m"}', 0)).toEqual({
      kind: "error",
      retriable: true,
      retryAfterMs: 5000,
      error: { name: "Error", message: "m" },
      status: 500,
    });
    expect(interpretReply(400, h({ "x-inngest-no-retry": "true" }), '{"name":"NonRetriableError","message":"no"}', 0)).toMatchObject({
      kind: "error",
      retriable: false,
    });
    const streamed = JSON.stringify({ status: 200, headers: {}, body: '{"done":true}', version: 2 });
    expect(interpretReply(201, h(), `   ${streamed}`, 0)).toEqual({ kind: "complete", output: { done: true } });
  });

  it("defaults to Inngest's 4 retries", () => {
    const cfg = (retries?: number) =>
      ({ id: "f", name: "f", triggers: [], steps: { step: { id: "step", name: "step", runtime: { url: "u" }, retries: retries === undefined ? undefined : { attempts: retries } } } }) as FunctionConfig;
    expect(maxAttemptsOf(cfg())).toBe(5);
    expect(maxAttemptsOf(cfg(0))).toBe(1);
    expect(maxAttemptsOf(cfg(2))).toBe(3);
  });

  it("matches event names exactly or by trailing wildcard", () => {
    expect(eventNameMatches("app/a", "app/a")).toBe(true);
    expect(eventNameMatches("app/*", "app/user.created")).toBe(true);
    expect(eventNameMatches("app/a", "app/b")).toBe(false);
  });

  it("makes time-ordered unique ids", () => {
    const ids = Array.from({ length: 1000 }, () => ulid(1_700_000_000_000));
    expect(new Set(ids).size).toBe(1000);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it("formats log lines with run, function and step", () => {
    const line = formatLine("info", "StepRun completed", { run: "R1", fn: "app-fn", step: "first" }, new Date("2026-01-01T12:00:00.123Z"));
    expect(line).toContain("12:00:00.123");
    expect(line).toContain("run R1 app-fn step \"first\" StepRun completed");
  });

  it("reads its settings from the environment", () => {
    const o = optionsFromEnv(
      parseEnv({ INNGEST_RUNNER_PORT: "8299", INNGEST_RUNNER_APP_URL: "http://127.0.0.1:3100/api/inngest, http://127.0.0.1:3101/api/inngest", INNGEST_RUNNER_DATA_DIR: "/tmp/x" }),
      "/repo",
    );
    expect(o).toMatchObject({
      port: 8299,
      appUrls: ["http://127.0.0.1:3100/api/inngest", "http://127.0.0.1:3101/api/inngest"],
      dataDir: "/tmp/x",
      databaseUrl: undefined,
    });
    expect(optionsFromEnv(parseEnv({}), "/repo")).toMatchObject({ port: 8288, appUrls: ["http://localhost:3000/api/inngest"], dataDir: "/repo/.data/inngest-runner" });
    expect(optionsFromEnv(parseEnv({ INNGEST_RUNNER_DATABASE_URL: "postgres://x/y" }), "/repo").dataDir).toBeUndefined();
    expect(() => parseEnv({ INNGEST_RUNNER_PORT: "abc" })).toThrow(/INNGEST_RUNNER_PORT/);
    expect(() => parseEnv({ INNGEST_RUNNER_LOG_LEVEL: "loud" })).toThrow(/INNGEST_RUNNER_LOG_LEVEL/);
  });
});
