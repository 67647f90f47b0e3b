// Retry delays. Inngest retries a failed step with exponential backoff and jitter; the local
// runner does the same with a shorter base so a developer sees retries within seconds.

export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  baseMs: number;
  /** Upper bound for any single delay, in ms. */
  maxMs: number;
  /** Fraction of the delay added at random (0..1), so retries of many runs spread out. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 10 * 60_000, jitter: 0.2 };

/** Delay before retry number `attempt` (the attempt that just failed, zero-based). */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random = Math.random): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.max(0, attempt));
  return Math.min(opts.maxMs, Math.round(exp * (1 + opts.jitter * random())));
}

/**
 * The wait a `Retry-After` header asks for, in ms from `now`: seconds ("5") or an HTTP/ISO date.
 * Null when there is no usable header.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}
