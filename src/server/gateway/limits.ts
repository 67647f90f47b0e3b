/**
 * Rate limits shared by every app instance: one `INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING`
 * counts the request in the deployment's and the caller's current windows, but only while both are
 * under their limits; a window missing from RETURNING was full, and the request is refused. The
 * prompt's tokens are counted at admission; the rest once the answer is known (meter.ts).
 */
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { RateLimits } from "@/lib/deployments/schema";
import { rateLimitWindows } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { logger } from "@/server/log";
import { errors, type GatewayError } from "./errors";
import { brokenLimit, rateLimitHeaders, secondsToReset, WINDOW_MS, type WindowCounts, windowStart } from "./limits-math";

export interface Admission {
  windowStart: Date;
  scopes: string[];
  headers: Record<string, string>;
}

const w = rateLimitWindows;

export async function admit(
  db: DbOrTx,
  scopes: [string, string],
  limits: RateLimits,
  promptTokens: number,
  now = Date.now(),
): Promise<Admission | GatewayError> {
  const start = new Date(windowStart(now));
  if (promptTokens > limits.tokensPerMinute) {
    const headers = rateLimitHeaders(limits, { requests: 0, tokens: limits.tokensPerMinute }, now);
    return errors.rateLimited("tokens", "deployment", limits.tokensPerMinute, secondsToReset(now), headers);
  }
  const rows = await db
    .insert(w)
    .values(scopes.map((scope) => ({ scope, windowStart: start, requests: 1, tokens: promptTokens })))
    .onConflictDoUpdate({
      target: [w.scope, w.windowStart],
      set: { requests: sql`${w.requests} + 1`, tokens: sql`${w.tokens} + excluded.tokens` },
      setWhere: sql`${w.requests} < ${limits.requestsPerMinute} and ${w.tokens} < ${limits.tokensPerMinute}`,
    })
    .returning({ scope: w.scope, requests: w.requests, tokens: w.tokens });
  if (Math.random() < 0.01) void sweep(db, now);
  const used: WindowCounts = {
    requests: Math.max(0, ...rows.map((r) => r.requests)),
    tokens: Math.max(0, ...rows.map((r) => Number(r.tokens))),
  };
  if (rows.length === scopes.length) return { windowStart: start, scopes, headers: rateLimitHeaders(limits, used, now) };

  // Refused: find out which window and which limit, for the message and the headers.
  const full = scopes.find((s) => !rows.some((r) => r.scope === s)) ?? scopes[0];
  const [current] = await db
    .select({ requests: w.requests, tokens: w.tokens })
    .from(w)
    .where(and(inArray(w.scope, [full]), eq(w.windowStart, start)));
  const counts: WindowCounts = { requests: current?.requests ?? limits.requestsPerMinute, tokens: Number(current?.tokens ?? 0) };
  const what = brokenLimit(limits, counts);
  const headers = rateLimitHeaders(limits, { requests: Math.max(used.requests, counts.requests), tokens: Math.max(used.tokens, counts.tokens) }, now);
  const limit = what === "requests" ? limits.requestsPerMinute : limits.tokensPerMinute;
  return errors.rateLimited(what, full.startsWith("deployment:") ? "deployment" : "key", limit, secondsToReset(now), headers);
}

/** The rest of a request's tokens (completion, and the prompt's correction), once known. */
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
