/**
 * The rate-limit windows in the database (`rate_limit_windows`, unlogged): the statements the
 * limiter leases with, each one atomic, so every app instance shares the same counts.
 */
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { RateLimits } from "@/lib/deployments/schema";
import { rateLimitWindows } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { logger } from "@/server/log";
import { WINDOW_MS, type WindowCounts } from "./limits-math";

const w = rateLimitWindows;

export type WindowTotals = WindowCounts;

export interface Lease {
  requests: number;
  tokens: number;
  /** The windows' totals after this lease, the larger of the two. */
  totals: WindowTotals;
}

/**
 * Counts `want` into both windows (the deployment's and the caller's) if both allow it: "whole" when
 * both totals stay within the limits afterwards; "under" when both are still under the limits
 * beforehand (the rule for a single request). A dimension not asked for (0) is not checked. One statement for both rows; when only one row
 * allowed it, that count is given back and the lease is refused. Null when refused.
 */
export async function lease(
  db: DbOrTx,
  scopes: [string, string],
  start: Date,
  want: { requests: number; tokens: number },
  limits: RateLimits,
  rule: "whole" | "under",
): Promise<Lease | null> {
  // Only the dimensions asked for are checked: a process short of requests may hold tokens enough.
  const checks = [];
  if (want.requests > 0) {
    checks.push(
      rule === "whole" ? sql`${w.requests} + excluded.requests <= ${limits.requestsPerMinute}` : sql`${w.requests} < ${limits.requestsPerMinute}`,
    );
  }
  if (want.tokens > 0) {
    checks.push(rule === "whole" ? sql`${w.tokens} + excluded.tokens <= ${limits.tokensPerMinute}` : sql`${w.tokens} < ${limits.tokensPerMinute}`);
  }
  const allowed = and(...checks);
  const rows = await db
    .insert(w)
    .values(scopes.map((scope) => ({ scope, windowStart: start, requests: want.requests, tokens: want.tokens })))
    .onConflictDoUpdate({
      target: [w.scope, w.windowStart],
      set: { requests: sql`${w.requests} + excluded.requests`, tokens: sql`${w.tokens} + excluded.tokens` },
      setWhere: allowed,
    })
    .returning({ scope: w.scope, requests: w.requests, tokens: w.tokens });
  if (Math.random() < 0.01) void sweep(db, start.getTime());
  if (rows.length === scopes.length) {
    return {
      ...want,
      totals: { requests: Math.max(...rows.map((r) => r.requests)), tokens: Math.max(...rows.map((r) => Number(r.tokens))) },
    };
  }
  if (rows.length > 0) {
    await db
      .update(w)
      .set({ requests: sql`${w.requests} - ${want.requests}`, tokens: sql`${w.tokens} - ${want.tokens}` })
      .where(and(inArray(w.scope, rows.map((r) => r.scope)), eq(w.windowStart, start)));
  }
  return null;
}

/** The first of the scopes whose window is at a limit, with its counts (for the refusal); null if none is. */
export async function fullWindow(db: DbOrTx, scopes: [string, string], start: Date, limits: RateLimits) {
  const rows = await db
    .select({ scope: w.scope, requests: w.requests, tokens: w.tokens })
    .from(w)
    .where(and(inArray(w.scope, scopes), eq(w.windowStart, start)));
  const counts = scopes.map((scope) => {
    const r = rows.find((x) => x.scope === scope);
    return { scope, requests: r?.requests ?? 0, tokens: Number(r?.tokens ?? 0) };
  });
  return counts.find((c) => c.requests >= limits.requestsPerMinute || c.tokens >= limits.tokensPerMinute) ?? null;
}

/** Tokens a request used beyond what its admission counted, once known (meter.ts, in batches). */
export async function chargeTokens(db: DbOrTx, admission: { windowStart: Date; scopes: string[] }, tokens: number): Promise<void> {
  if (tokens === 0) return;
  await db
    .update(w)
    .set({ tokens: sql`greatest(0, ${w.tokens} + ${tokens})` })
    .where(and(inArray(w.scope, admission.scopes), eq(w.windowStart, admission.windowStart)));
}

async function sweep(db: DbOrTx, now: number) {
  try {
    await db.delete(w).where(lt(w.windowStart, new Date(now - 10 * WINDOW_MS)));
  } catch (err) {
    logger.warn({ err }, "rate limit windows: sweep failed");
  }
}
