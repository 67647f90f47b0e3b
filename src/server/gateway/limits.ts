/**
 * Rate limits shared by every app instance, without a database round trip per request. A request
 * counts against two windows, the deployment's and the caller's (its key, or the chat user). Each
 * process leases a slice of both (a twentieth of the limits) from `rate_limit_windows` with one
 * conditional upsert, then admits requests from the slice in memory; the database never grants more
 * than the limits across all instances. A slice is fetched by one request at a time (the others wait
 * for it), and windows found full are refused locally until they end. What a process leased and
 * did not use by the end of the minute is lost to the others for that minute: at most a twentieth
 * of each limit per process. A slice not used up
 * by the end of its minute is forgiven, never carried over. The prompt's tokens are counted at
 * admission; the rest once the answer is known (absorbTokens, then meter.ts).
 */
import "server-only";
import type { RateLimits } from "@/lib/deployments/schema";
import type { DbOrTx } from "@/server/db/types";
import { errors, type GatewayError } from "./errors";
import { fullWindow, lease, type WindowTotals } from "./limits-db";
import { brokenLimit, leaseSize, rateLimitHeaders, secondsToReset, type WindowCounts, windowStart } from "./limits-math";

export { chargeTokens } from "./limits-db";

export interface Admission {
  windowStart: Date;
  scopes: string[];
  headers: Record<string, string>;
}

interface Slice {
  window: number;
  /** What this process may still admit from its leases. */
  requests: number;
  tokens: number;
  /** The windows' totals in the database after this process's last lease (all instances). */
  totals: WindowTotals;
  /** Set once the database refused a lease: the window at a limit and its counts. */
  full?: { scope: string; counts: WindowCounts };
  pending?: Promise<void>;
}

/** One process's leases; tests make several to play several app instances on one database. */
export class Limiter {
  private readonly slices = new Map<string, Slice>();

  async admit(db: DbOrTx, scopes: [string, string], limits: RateLimits, promptTokens: number, now = Date.now()): Promise<Admission | GatewayError> {
    const win = windowStart(now);
    if (promptTokens > limits.tokensPerMinute) {
      const headers = rateLimitHeaders(limits, { requests: 0, tokens: limits.tokensPerMinute }, now);
      return errors.rateLimited("tokens", "deployment", limits.tokensPerMinute, secondsToReset(now), headers);
    }
    const s = this.slice(scopes, win);
    for (;;) {
      if (s.full) return refusal(s.full, limits, now);
      if (s.requests >= 1 && s.tokens >= promptTokens) {
        s.requests -= 1;
        s.tokens -= promptTokens;
        const used = { requests: s.totals.requests - s.requests, tokens: s.totals.tokens - s.tokens };
        return { windowStart: new Date(win), scopes, headers: rateLimitHeaders(limits, used, now) };
      }
      s.pending ??= this.topUp(db, scopes, s, limits, promptTokens).finally(() => {
        s.pending = undefined;
      });
      await s.pending;
    }
  }

  /**
   * Takes a request's remaining tokens (completion, and the prompt's correction, which may be
   * negative) out of this process's slice while it still covers them; returns what is left to
   * charge to the database.
   */
  absorbTokens(admission: { windowStart: Date; scopes: string[] }, tokens: number): number {
    const s = this.slices.get(admission.scopes.join(" "));
    if (tokens === 0 || !s || s.window !== admission.windowStart.getTime() || s.tokens < tokens) return tokens;
    s.tokens -= tokens;
    return 0;
  }

  private slice(scopes: [string, string], win: number): Slice {
    const key = scopes.join(" ");
    const s = this.slices.get(key);
    if (s && s.window === win) return s;
    if (this.slices.size > 10_000) for (const [k, v] of this.slices) if (v.window < win) this.slices.delete(k);
    const fresh: Slice = { window: win, requests: 0, tokens: 0, totals: { requests: 0, tokens: 0 } };
    this.slices.set(key, fresh);
    return fresh;
  }

  private async topUp(db: DbOrTx, scopes: [string, string], s: Slice, limits: RateLimits, promptTokens: number) {
    const size = leaseSize(limits);
    const start = new Date(s.window);
    for (let attempt = 0; ; attempt++) {
      // A whole slice while there is room for one; else just this request, by the rule a lone request
      // follows (admitted while the windows are under both limits, even if its prompt then overshoots).
      const needsRequests = s.requests < 1;
      const needsTokens = s.tokens < promptTokens;
      const granted =
        (await lease(db, scopes, start, { requests: needsRequests ? size.requests : 0, tokens: needsTokens ? Math.max(size.tokens, promptTokens) : 0 }, limits, "whole")) ??
        (await lease(db, scopes, start, { requests: needsRequests ? 1 : 0, tokens: needsTokens ? promptTokens : 0 }, limits, "under"));
      if (granted) {
        s.requests += granted.requests;
        s.tokens += granted.tokens;
        s.totals = granted.totals;
        return;
      }
      const full = await fullWindow(db, scopes, start, limits);
      // No window at a limit: another instance's refused lease was counted for a moment; ask again.
      if (full || attempt === 2) {
        const at = full ?? { scope: scopes[0], requests: limits.requestsPerMinute, tokens: 0 };
        s.full = { scope: at.scope, counts: at };
        return;
      }
    }
  }
}

function refusal(full: NonNullable<Slice["full"]>, limits: RateLimits, now: number): GatewayError {
  const what = brokenLimit(limits, full.counts);
  const headers = rateLimitHeaders(limits, full.counts, now);
  const limit = what === "requests" ? limits.requestsPerMinute : limits.tokensPerMinute;
  return errors.rateLimited(what, full.scope.startsWith("deployment:") ? "deployment" : "key", limit, secondsToReset(now), headers);
}

// On globalThis: the route handlers and the chat may be separate module instances in Next.
const g = globalThis as unknown as { __radiumLimiter?: Limiter };
export const limiter = (): Limiter => (g.__radiumLimiter ??= new Limiter());
