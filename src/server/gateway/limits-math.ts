/**
 * Rate-limit arithmetic: one-minute fixed windows, the scopes a request counts against, and the
 * headers OpenAI sends (x-ratelimit-limit/remaining/reset for requests and tokens).
 */
import type { RateLimits } from "@/lib/deployments/schema";

export const WINDOW_MS = 60_000;

export function windowStart(now: number): number {
  return Math.floor(now / WINDOW_MS) * WINDOW_MS;
}

/** Whole seconds until the window holding `now` ends (at least 1). */
export function secondsToReset(now: number): number {
  return Math.max(1, Math.ceil((windowStart(now) + WINDOW_MS - now) / 1000));
}

/** OpenAI's duration style: "12s", "1m0s". */
export function resetText(seconds: number): string {
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`;
}

/**
 * The deployment as a whole first, then the caller (its key, or the chat user): every request locks
 * the rows in the same order, so concurrent admissions cannot deadlock.
 */
export function limitScopes(deploymentId: string, caller: { keyId: string } | { userId: string }): [string, string] {
  const who = "keyId" in caller ? `key:${caller.keyId}` : `user:${caller.userId}`;
  return [`deployment:${deploymentId}`, `${who}:${deploymentId}`];
}

export interface WindowCounts {
  requests: number;
  tokens: number;
}

export function rateLimitHeaders(limits: RateLimits, used: WindowCounts, now: number): Record<string, string> {
  const reset = resetText(secondsToReset(now));
  return {
    "x-ratelimit-limit-requests": String(limits.requestsPerMinute),
    "x-ratelimit-remaining-requests": String(Math.max(0, limits.requestsPerMinute - used.requests)),
    "x-ratelimit-reset-requests": reset,
    "x-ratelimit-limit-tokens": String(limits.tokensPerMinute),
    "x-ratelimit-remaining-tokens": String(Math.max(0, limits.tokensPerMinute - used.tokens)),
    "x-ratelimit-reset-tokens": reset,
  };
}

/** Which limit a window over its bounds broke (requests first: it is what a burst hits). */
export function brokenLimit(limits: RateLimits, counts: WindowCounts): "requests" | "tokens" {
  return counts.requests >= limits.requestsPerMinute ? "requests" : "tokens";
}

/**
 * How much of a window one process leases at a time: a twentieth of each limit, so a busy process
 * asks the database about once per twentieth of the window's traffic, while the most a process can
 * hold unused (and so keep from the others until the minute ends) stays small.
 */
export function leaseSize(limits: RateLimits): { requests: number; tokens: number } {
  return {
    requests: Math.max(1, Math.floor(limits.requestsPerMinute / 20)),
    tokens: Math.max(1, Math.floor(limits.tokensPerMinute / 20)),
  };
}
