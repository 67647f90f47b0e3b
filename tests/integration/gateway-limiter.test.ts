/**
 * The gateway's rate limiter: leases slices of a window from the database and admits from them in
 * memory. Several limiters on one database play several app instances: together they never admit
 * more than the limit, a lone request follows the same rule as before leasing, and the tokens a
 * slice still covers are taken from it rather than written again.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimitWindows } from "@/server/db/schema";
import { GatewayError } from "@/server/gateway/errors";
import { type Admission, Limiter } from "@/server/gateway/limits";
import { leaseSize } from "@/server/gateway/limits-math";
import { openTestDatabase, type TestDatabase, testBackends } from "../helpers/db";

// The middle of a minute, so no run straddles a window boundary.
const NOW = Date.UTC(2026, 11, 2, 12, 0, 30);
const WINDOW = new Date(Date.UTC(2026, 11, 2, 12, 0, 0));

const scopesFor = (): [string, string] => {
  const dep = crypto.randomUUID();
  return [`deployment:${dep}`, `key:${crypto.randomUUID()}:${dep}`];
};

describe.each(testBackends())("rate limiter on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  async function stored(scope: string) {
    const [row] = await tdb.db
      .select()
      .from(rateLimitWindows)
      .where(and(eq(rateLimitWindows.scope, scope), eq(rateLimitWindows.windowStart, WINDOW)));
    return row ? { requests: row.requests, tokens: Number(row.tokens) } : null;
  }

  it("admits from a leased slice without asking the database each time", async () => {
    const limits = { requestsPerMinute: 100, tokensPerMinute: 100_000 };
    const scopes = scopesFor();
    const limiter = new Limiter();
    const first = await limiter.admit(tdb.db, scopes, limits, 10, NOW);
    expect(first).not.toBeInstanceOf(GatewayError);
    // One slice leased for both windows: a twentieth of the limits.
    expect(await stored(scopes[0])).toEqual({ requests: leaseSize(limits).requests, tokens: leaseSize(limits).tokens });
    expect((first as Admission).headers["x-ratelimit-remaining-requests"]).toBe("99");
    for (let i = 1; i < leaseSize(limits).requests; i++) await limiter.admit(tdb.db, scopes, limits, 10, NOW);
    expect((await stored(scopes[1]))?.requests).toBe(leaseSize(limits).requests);
    const next = await limiter.admit(tdb.db, scopes, limits, 10, NOW);
    expect((await stored(scopes[1]))?.requests).toBe(2 * leaseSize(limits).requests);
    expect((next as Admission).headers["x-ratelimit-remaining-requests"]).toBe(String(100 - leaseSize(limits).requests - 1));
  });

  it("never admits more than the limit across instances, however the requests interleave", async () => {
    const limits = { requestsPerMinute: 45, tokensPerMinute: 1_000_000 };
    const scopes = scopesFor();
    const instances = [new Limiter(), new Limiter(), new Limiter()];
    const results = await Promise.all(Array.from({ length: 120 }, (_, i) => instances[i % 3]!.admit(tdb.db, scopes, limits, 5, NOW)));
    const admitted = results.filter((r) => !(r instanceof GatewayError));
    expect(admitted).toHaveLength(45);
    const refused = results.filter((r): r is GatewayError => r instanceof GatewayError);
    expect(refused).toHaveLength(75);
    expect(refused.every((r) => r.status === 429 && r.code === "rate_limit_exceeded")).toBe(true);
    expect((await stored(scopes[0]))?.requests).toBe(45);
  });

  it("lets a lone request in while the window is under its token limit, then refuses on tokens", async () => {
    const limits = { requestsPerMinute: 100, tokensPerMinute: 1_000 };
    const scopes = scopesFor();
    const limiter = new Limiter();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await limiter.admit(tdb.db, scopes, limits, 400, NOW));
    expect(outcomes.slice(0, 3).every((o) => !(o instanceof GatewayError))).toBe(true);
    const refused = outcomes[3];
    expect(refused).toBeInstanceOf(GatewayError);
    expect((refused as GatewayError).message).toMatch(/tokens/i);
    expect((refused as GatewayError).headers?.["x-ratelimit-remaining-tokens"]).toBe("0");
    // Refused locally from then on: the stored count does not move.
    await limiter.admit(tdb.db, scopes, limits, 1, NOW);
    expect((await stored(scopes[0]))?.tokens).toBe(1_200);
  });

  it("takes a request's further tokens from the slice while it covers them, else leaves them to the database", async () => {
    const limits = { requestsPerMinute: 100, tokensPerMinute: 10_000 };
    const scopes = scopesFor();
    const limiter = new Limiter();
    const a = (await limiter.admit(tdb.db, scopes, limits, 100, NOW)) as Admission;
    // The slice holds 500 tokens, 100 of them counted for the prompt.
    expect(limiter.absorbTokens(a, 300)).toBe(0);
    expect(limiter.absorbTokens(a, 300)).toBe(300);
    // A request from an earlier window is not taken from this window's slice.
    expect(limiter.absorbTokens({ ...a, windowStart: new Date(WINDOW.getTime() - 60_000) }, 10)).toBe(10);
  });

  it("starts afresh in the next window", async () => {
    const limits = { requestsPerMinute: 1, tokensPerMinute: 1_000 };
    const scopes = scopesFor();
    const limiter = new Limiter();
    expect(await limiter.admit(tdb.db, scopes, limits, 1, NOW)).not.toBeInstanceOf(GatewayError);
    expect(await limiter.admit(tdb.db, scopes, limits, 1, NOW)).toBeInstanceOf(GatewayError);
    expect(await limiter.admit(tdb.db, scopes, limits, 1, NOW + 60_000)).not.toBeInstanceOf(GatewayError);
  });
});
