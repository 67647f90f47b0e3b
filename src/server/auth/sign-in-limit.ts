import "server-only";
import { env, type EnvOf } from "@/env";
import { slidingWindowLimiter, type RateLimiter } from "@/server/http/rate-limit";

const DEFAULT_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

/** Local sign-in attempts allowed per client IP per minute (LOCAL_SIGN_IN_RATE_LIMIT, default 10). */
export function signInAttemptsPerMinute(e: EnvOf<"LOCAL_SIGN_IN_RATE_LIMIT"> = env): number {
  return e.LOCAL_SIGN_IN_RATE_LIMIT ?? DEFAULT_PER_MINUTE;
}

/**
 * All clients together may make this many times the per-IP attempts: the client address comes
 * from headers a client talking to the app directly can forge, so the global cap is what bounds
 * a bulk sign-up from one machine rotating X-Forwarded-For.
 */
export const GLOBAL_FACTOR = 5;
const ALL_CLIENTS = "*";

let current: { limit: number; perIp: RateLimiter; global: RateLimiter } | undefined;

/** The process-wide limiter for local sign-in attempts (rebuilt if the configured limit changes). */
export function signInLimiter(): RateLimiter {
  const limit = signInAttemptsPerMinute();
  if (current?.limit !== limit) {
    current = {
      limit,
      perIp: slidingWindowLimiter({ limit, windowMs: WINDOW_MS }),
      global: slidingWindowLimiter({ limit: limit * GLOBAL_FACTOR, windowMs: WINDOW_MS }),
    };
  }
  const { perIp, global } = current;
  return {
    hit(ip, now) {
      const mine = perIp.hit(ip, now);
      return mine.allowed ? global.hit(ALL_CLIENTS, now) : mine;
    },
  };
}

/** Forgets every attempt (tests start each case with a clean slate). */
export function resetSignInLimiterForTesting(): void {
  current = undefined;
}
