// A function's flow-control options, read from the config the SDK sends at sync
// (`concurrency`, `throttle`, `rateLimit`, `debounce`, `idempotency`, `priority`, `singleton`,
// `timeouts`), checked and normalized once. Whatever the runner cannot honour is reported as a
// problem, so the sync can flag it instead of ignoring it silently. An unreadable duration is
// worse than unsupported: dropping it would start runs at once (a debounce or throttle that never
// holds, a timeout that never fires), so it is also listed in `unreadable`, and such a function's
// runs fail at creation with that text.
import { parseDuration } from "../duration";
import { expressionError } from "../expression";
import { isCronTrigger } from "../registry";
import type { FunctionConfig } from "../types";

export type ConcurrencyScope = "fn" | "env" | "account";

export interface ConcurrencyLimit {
  limit: number;
  key?: string;
  scope: ConcurrencyScope;
}

export interface FlowConfig {
  concurrency: ConcurrencyLimit[];
  throttle?: { limit: number; period: string; periodMs: number; burst: number; key?: string };
  rateLimit?: { limit: number; period: string; periodMs: number; key?: string };
  debounce?: { period: string; periodMs: number; key?: string; timeout?: string; timeoutMs?: number };
  /** CEL expression; one run per value per 24 h. */
  idempotency?: string;
  /** CEL expression returning a priority factor in seconds. */
  priority?: string;
  singleton?: { key?: string; mode: "skip" | "cancel" };
  timeouts?: { start?: string; startMs?: number; finish?: string; finishMs?: number };
}

export interface FlowProblem {
  option: string;
  message: string;
}

export interface FlowReading {
  flow: FlowConfig;
  problems: FlowProblem[];
  /** Durations that could not be read, as `debounce.period "abc" is not a duration …`. */
  unreadable: string[];
}

/** Options the SDK may send that the runner reads (anything else is flagged). */
const KNOWN_OPTIONS = new Set([
  "id",
  "name",
  "triggers",
  "steps",
  "cancel",
  "concurrency",
  "throttle",
  "rateLimit",
  "debounce",
  "idempotency",
  "priority",
  "singleton",
  "timeouts",
]);

/** Inngest allows at most two concurrency limits per function. */
export const MAX_CONCURRENCY_LIMITS = 2;
/** Priority factors are clamped to ±600 s, Inngest's default range. */
export const MAX_PRIORITY_SECONDS = 600;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

class Reader {
  problems: FlowProblem[] = [];
  unreadable: string[] = [];

  problem(option: string, message: string): void {
    this.problems.push({ option, message });
  }

  /** A CEL expression, or undefined (with a problem) if it does not parse. */
  expression(option: string, v: unknown): string | undefined {
    const e = str(v);
    if (v !== undefined && e === undefined) this.problem(option, `must be a CEL expression string`);
    if (e === undefined) return undefined;
    const err = expressionError(e);
    if (err) {
      this.problem(option, `expression "${e}" does not parse: ${err}`);
      return undefined;
    }
    return e;
  }

  /** A duration in milliseconds, or undefined (with a problem) if it is not one. */
  duration(option: string, v: unknown, required: boolean): { text: string; ms: number } | undefined {
    const text = str(v);
    if (text === undefined) {
      if (required || v !== undefined) this.unreadableDuration(option, `needs a duration such as "10s" or "5m"`);
      return undefined;
    }
    const ms = parseDuration(text);
    if (ms === null || ms <= 0) {
      this.unreadableDuration(option, `"${text}" is not a duration such as "10s" or "5m"`);
      return undefined;
    }
    return { text, ms };
  }

  unreadableDuration(option: string, message: string): void {
    this.problem(option, message);
    this.unreadable.push(`${option} ${message}`);
  }

  /** A positive integer limit, or undefined (with a problem). */
  limit(option: string, v: unknown): number | undefined {
    const n = num(v);
    if (n === undefined || n < 1 || !Number.isInteger(n)) {
      this.problem(option, `must be a positive whole number`);
      return undefined;
    }
    return n;
  }
}

function readConcurrency(r: Reader, raw: unknown): ConcurrencyLimit[] {
  if (raw === undefined || raw === null) return [];
  const entries = Array.isArray(raw) ? raw : [raw];
  const out: ConcurrencyLimit[] = [];
  for (const [i, entry] of entries.entries()) {
    const at = Array.isArray(raw) ? `concurrency[${i}]` : "concurrency";
    if (typeof entry === "number") {
      // 0 means "no function-level limit" in Inngest.
      if (entry > 0) out.push({ limit: Math.floor(entry), scope: "fn" });
      continue;
    }
    if (!isRec(entry)) {
      r.problem(at, "must be a number or {limit, key?, scope?}");
      continue;
    }
    const limit = num(entry.limit);
    if (limit === undefined || limit < 0) {
      r.problem(`${at}.limit`, "must be a whole number");
      continue;
    }
    if (limit === 0) continue;
    const scope = entry.scope ?? "fn";
    if (scope !== "fn" && scope !== "env" && scope !== "account") {
      r.problem(`${at}.scope`, `"${String(scope)}" is not fn, env or account`);
      continue;
    }
    const key = entry.key === undefined ? undefined : r.expression(`${at}.key`, entry.key);
    if (entry.key !== undefined && key === undefined) continue;
    out.push({ limit: Math.floor(limit), scope, ...(key ? { key } : {}) });
  }
  if (out.length > MAX_CONCURRENCY_LIMITS) {
    r.problem("concurrency", `has ${out.length} limits; Inngest allows ${MAX_CONCURRENCY_LIMITS}, the runner applies the first ${MAX_CONCURRENCY_LIMITS}`);
    return out.slice(0, MAX_CONCURRENCY_LIMITS);
  }
  return out;
}

/** Reads and checks every flow-control option of one function. */
export function readFlowConfig(config: FunctionConfig): FlowReading {
  const r = new Reader();
  const c: Rec = config;
  const flow: FlowConfig = { concurrency: readConcurrency(r, c.concurrency) };

  if (isRec(c.throttle)) {
    const limit = r.limit("throttle.limit", c.throttle.limit);
    const period = r.duration("throttle.period", c.throttle.period, true);
    const burst = c.throttle.burst === undefined ? 0 : num(c.throttle.burst);
    if (burst === undefined || burst < 0) r.problem("throttle.burst", "must be a whole number ≥ 0");
    const key = r.expression("throttle.key", c.throttle.key);
    if (limit && period && burst !== undefined && burst >= 0 && (c.throttle.key === undefined || key)) {
      flow.throttle = { limit, period: period.text, periodMs: period.ms, burst: Math.floor(burst), ...(key ? { key } : {}) };
    }
  }

  if (isRec(c.rateLimit)) {
    const limit = r.limit("rateLimit.limit", c.rateLimit.limit);
    const period = r.duration("rateLimit.period", c.rateLimit.period, true);
    const key = r.expression("rateLimit.key", c.rateLimit.key);
    if (limit && period && (c.rateLimit.key === undefined || key)) {
      flow.rateLimit = { limit, period: period.text, periodMs: period.ms, ...(key ? { key } : {}) };
    }
  }

  if (isRec(c.debounce)) {
    const period = r.duration("debounce.period", c.debounce.period, true);
    const timeout = r.duration("debounce.timeout", c.debounce.timeout, false);
    const key = r.expression("debounce.key", c.debounce.key);
    if (period && (c.debounce.timeout === undefined || timeout) && (c.debounce.key === undefined || key)) {
      flow.debounce = {
        period: period.text,
        periodMs: period.ms,
        ...(key ? { key } : {}),
        ...(timeout ? { timeout: timeout.text, timeoutMs: timeout.ms } : {}),
      };
    }
  }

  if (c.idempotency !== undefined) flow.idempotency = r.expression("idempotency", c.idempotency);
  if (isRec(c.priority) && c.priority.run !== undefined) flow.priority = r.expression("priority.run", c.priority.run);

  if (isRec(c.singleton)) {
    const mode = c.singleton.mode;
    const key = r.expression("singleton.key", c.singleton.key);
    if (mode !== "skip" && mode !== "cancel") r.problem("singleton.mode", `"${String(mode)}" is not skip or cancel`);
    else if (c.singleton.key === undefined || key) flow.singleton = { mode, ...(key ? { key } : {}) };
  }

  if (isRec(c.timeouts)) {
    const start = r.duration("timeouts.start", c.timeouts.start, false);
    const finish = r.duration("timeouts.finish", c.timeouts.finish, false);
    if (start || finish) {
      flow.timeouts = {
        ...(start ? { start: start.text, startMs: start.ms } : {}),
        ...(finish ? { finish: finish.text, finishMs: finish.ms } : {}),
      };
    }
  }

  if (c.batchEvents !== undefined && c.batchEvents !== null) {
    r.problem("batchEvents", "is not supported by the local runner: each event starts its own run with `events` = [event]");
  }
  for (const [i, t] of (config.triggers ?? []).entries()) {
    if (isCronTrigger(t) && t.jitter) r.problem(`triggers[${i}].jitter`, "is not supported by the local runner: cron runs start on the tick");
  }
  for (const k of Object.keys(c)) {
    if (!KNOWN_OPTIONS.has(k) && k !== "batchEvents" && c[k] !== undefined && c[k] !== null) {
      r.problem(k, "is not known to the local runner and has no effect");
    }
  }
  return { flow, problems: r.problems, unreadable: r.unreadable };
}

const cache = new WeakMap<FunctionConfig, FlowReading>();

/** `readFlowConfig`, computed once per synced config object. */
export function flowOf(config: FunctionConfig): FlowReading {
  let r = cache.get(config);
  if (!r) {
    r = readFlowConfig(config);
    cache.set(config, r);
  }
  return r;
}

/** True when a function uses any option that changes when or whether its runs start. */
export function hasFlowControl(flow: FlowConfig): boolean {
  return (
    flow.concurrency.length > 0 ||
    !!(flow.throttle || flow.rateLimit || flow.debounce || flow.idempotency || flow.priority || flow.singleton || flow.timeouts)
  );
}
