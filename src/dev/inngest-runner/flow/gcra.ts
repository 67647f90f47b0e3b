// The generic cell rate algorithm, as Inngest uses it for `throttle`, `rateLimit` and
// `idempotency`: one value per key, the theoretical arrival time (TAT). Runs are admitted one per
// emission interval (period / limit), with `limit + burst` of them allowed at once.

export interface GcraLimit {
  limit: number;
  periodMs: number;
  /** Extra runs allowed at once on top of `limit` (throttle's `burst`; 0 for rate limits). */
  burst: number;
}

export type GcraResult = { allowed: true; tat: number } | { allowed: false; retryAt: number };

export function gcra(tat: number | null, now: number, l: GcraLimit): GcraResult {
  const interval = l.periodMs / l.limit;
  const tolerance = interval * (l.limit + l.burst - 1);
  const base = Math.max(tat ?? now, now);
  if (base - now > tolerance) return { allowed: false, retryAt: base - tolerance };
  return { allowed: true, tat: base + interval };
}
