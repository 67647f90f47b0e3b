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
 * The client address a request names: the first hop of X-Forwarded-For, else X-Real-IP, else
 * "local". These headers are as trustworthy as the proxy in front of the app: behind a proxy
 * that sets them they name the client; exposed directly, a client can set them itself.
 */
export function clientIp(req: Pick<Request, "headers">): string {
  const first = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  if (first) return first.slice(0, 64);
  const real = req.headers.get("x-real-ip")?.trim();
  return real ? real.slice(0, 64) : "local";
}
