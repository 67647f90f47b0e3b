import "server-only";
import { env, type EnvOf } from "@/env";
import { slidingWindowLimiter, type RateLimiter } from "@/server/http/rate-limit";

const DEFAULT_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

/** Local sign-in attempts allowed per client IP per minute (LOCAL_SIGN_IN_RATE_LIMIT, default 10). */
export function signInAttemptsPerMinute(e: EnvOf<"LOCAL_SIGN_IN_RATE_LIMIT"> = env): number {
  return e.LOCAL_SIGN_IN_RATE_LIMIT ?? DEFAULT_PER_MINUTE;
}

let current: { limit: number; limiter: RateLimiter } | undefined;

/** The process-wide limiter for local sign-in attempts (rebuilt if the configured limit changes). */
export function signInLimiter(): RateLimiter {
  const limit = signInAttemptsPerMinute();
  if (current?.limit !== limit) current = { limit, limiter: slidingWindowLimiter({ limit, windowMs: WINDOW_MS }) };
  return current.limiter;
}

/** Forgets every attempt (tests start each case with a clean slate). */
export function resetSignInLimiterForTesting(): void {
  current = undefined;
}
