// Inngest time strings: the SDK sends sleeps, wait timeouts and invoke timeouts as compound
// durations ("1w2d3h4m5s", from its timeStr helper) or, for sleepUntil, as ISO dates.

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_557_600_000,
};

const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)/gy;

/** Milliseconds in a compound duration such as "2h30m", "1.5s", "500ms"; null if it is not one. */
export function parseDuration(input: string): number | null {
  const s = input.trim().toLowerCase();
  if (s === "") return 0;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s); // a bare number is milliseconds, as `ms` reads it
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (;;) {
    const m = PART.exec(s);
    if (!m) break;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = PART.lastIndex;
    while (s[consumed] === " ") consumed++;
    PART.lastIndex = consumed;
  }
  return consumed === s.length && consumed > 0 ? total : null;
}

/** True when the string looks like a date rather than a duration. */
function looksLikeDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(s.trim());
}

/** Why a time string could not be read; `message` names the option (see parseTime's `what`). */
export interface TimeError {
  kind: "invalid-time";
  input: unknown;
  message: string;
}

export type TimeResult = { ok: true; at: number } | { ok: false; error: TimeError };

/** The latest instant a Date can hold; a "duration" reaching past it is a typo, not a plan. */
const MAX_TIME = 8.64e15;

/**
 * The moment a sleep, wait, timeout or period given as an Inngest time string ends: a duration
 * counts from `now`, a date is taken as is. Anything else (empty, garbled, not a string) is an
 * error the caller must surface, never "now" or "never".
 */
export function parseTime(input: unknown, now: number, what = "duration"): TimeResult {
  const fail = (why: string): TimeResult => ({
    ok: false,
    error: { kind: "invalid-time", input, message: `Invalid ${what} ${JSON.stringify(input) ?? String(input)}: ${why}` },
  });
  if (typeof input !== "string") return fail("expected a time string such as \"30s\", \"2h30m\" or an ISO date");
  if (input.trim() === "") return fail("it is empty");
  if (looksLikeDate(input)) {
    const t = Date.parse(input);
    return Number.isNaN(t) ? fail("not a valid date") : { ok: true, at: t };
  }
  const ms = parseDuration(input);
  if (ms === null) return fail('expected a duration such as "30s", "5m", "2h30m", "1w2d" or an ISO date');
  if (now + ms > MAX_TIME) return fail("it ends beyond the latest representable date");
  return { ok: true, at: now + ms };
}

/** As parseTime, but throws; for callers where an invalid time is a programming error. */
export function resolveTime(input: string, now: number): number {
  const r = parseTime(input, now);
  if (!r.ok) throw new Error(r.error.message);
  return r.at;
}

/** A short human form of a millisecond span, for logs and the dashboard: "850ms", "4.2s", "3m 5s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const totalS = Math.round(ms / 1000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${s}s`;
}
