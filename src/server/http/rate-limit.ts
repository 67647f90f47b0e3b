import "server-only";
/**
 * An in-memory sliding-window rate limiter: at most `limit` hits per key in any `windowMs`.
 * Per process, so it bounds one server; the clock is passed in so the logic is testable.
 */
export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the next hit would be allowed (0 when allowed). */
  retryAfterS: number;
}

export interface RateLimiter {
  hit(key: string, now?: number): RateLimitDecision;
}

export function slidingWindowLimiter(opts: { limit: number; windowMs: number; maxKeys?: number }): RateLimiter {
  const { limit, windowMs, maxKeys = 10_000 } = opts;
  // Hit times per key, oldest first; a Map keeps insertion order, so the first key is the stalest.
  const hits = new Map<string, number[]>();

  function prune(times: number[], now: number) {
    while (times.length > 0 && (times[0] ?? 0) <= now - windowMs) times.shift();
  }

  return {
    hit(key, now = Date.now()) {
      const times = hits.get(key) ?? [];
      prune(times, now);
      if (times.length >= limit) {
        const oldest = times[0] ?? now;
        return { allowed: false, retryAfterS: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
      }
      times.push(now);
      // Re-insert so the key moves to the back of the eviction order.
      hits.delete(key);
      hits.set(key, times);
      if (hits.size > maxKeys) {
        const stalest = hits.keys().next().value;
        if (stalest !== undefined) hits.delete(stalest);
      }
      return { allowed: true, retryAfterS: 0 };
    },
  };
}

/**
 * The client address a request names: the LAST hop of X-Forwarded-For (the one the nearest proxy
 * appended, or the socket address `next start` writes when the client sent none), else X-Real-IP,
 * else "local". Earlier hops are whatever the client wrote, so they are never used. Exposed
 * directly, a client can still set the header itself: callers pair this with a global limit.
 */
export function clientIp(req: Pick<Request, "headers">): string {
  const last = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  if (last) return last.slice(0, 64);
  const real = req.headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : "local";
}
