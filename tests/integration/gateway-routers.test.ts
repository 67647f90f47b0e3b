/**
 * The apiKeys and usage routers against a real database: a key is shown once and stored as a hash,
 * listed with its scope, revoked once; metrics are bucketed with PostgreSQL's percentiles; the
 * requests list filters and pages; and a second user can neither read nor change any of it.
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiKeys, type NewUsageRecord, usageRecords } from "@/server/db/schema";
import { hashApiToken } from "@/server/deployments/api-token";
import { newUser, suiteDatabase, type TestUser } from "../chat/helpers";
import { activeDeployment } from "../helpers/gateway";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const tdb = suiteDatabase();
let alice: TestUser;
let bob: TestUser;
let dep: Awaited<ReturnType<typeof activeDeployment>>;

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  process.env.OFFLINE_MODEL_DELAY_MS = "0";
  alice = await newUser(tdb.db, "Alice");
  bob = await newUser(tdb.db, "Bob");
  dep = await activeDeployment(tdb.db, alice.caller);
});
afterAll(() => {
  delete process.env.OFFLINE_MODEL_DELAY_MS;
});

describe("apiKeys", () => {
  it("creates a key shown once, stored as its hash, listed with its scope, and revokes it", async () => {
    const made = await alice.caller.apiKeys.create({ name: "  ci  ", deploymentId: dep.id, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(made.key).toMatch(/^rad_[A-Za-z0-9_-]{43}$/);
    expect(made.apiKey).toMatchObject({ name: "ci", prefix: made.key.slice(0, 12), deployment: { id: dep.id, name: dep.name }, state: "active" });
    const [row] = await tdb.db.select().from(apiKeys).where(eq(apiKeys.id, made.apiKey.id));
    expect(row?.hash).toBe(hashApiToken(made.key));
    expect(JSON.stringify(await alice.caller.apiKeys.list())).not.toContain(made.key);

    const all = await alice.caller.apiKeys.create({ name: "everything" });
    const list = await alice.caller.apiKeys.list();
    expect(list.map((k) => k.name).slice(0, 2)).toEqual(["everything", "ci"]);
    expect(list.find((k) => k.id === all.apiKey.id)?.deployment).toBeNull();
    // The wizard's key is there too, scoped to its deployment.
    expect(list.filter((k) => k.deployment?.id === dep.id).map((k) => k.name)).toContain(`${dep.name} (created with the deployment)`);

    const revoked = await alice.caller.apiKeys.revoke({ id: made.apiKey.id });
    const again = await alice.caller.apiKeys.revoke({ id: made.apiKey.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    expect((await alice.caller.apiKeys.list()).find((k) => k.id === made.apiKey.id)?.state).toBe("revoked");
  });

  it("refuses an expiry in the past and a deployment that is not the caller's", async () => {
    const past = await rejection(alice.caller.apiKeys.create({ name: "old", expiresAt: new Date(Date.now() - 1000) }));
    expect([past.code, past.message]).toEqual(["BAD_REQUEST", "expiresAt: Choose an expiry date in the future."]);
    const foreign = await rejection(bob.caller.apiKeys.create({ name: "sneaky", deploymentId: dep.id }));
    expect(foreign.code).toBe("NOT_FOUND");
    const blank = await rejection(alice.caller.apiKeys.create({ name: "   " }));
    expect(blank.code).toBe("BAD_REQUEST");
  });

  it("a second user can neither list nor revoke the first user's keys", async () => {
    const made = await alice.caller.apiKeys.create({ name: "private" });
    expect((await bob.caller.apiKeys.list()).some((k) => k.id === made.apiKey.id)).toBe(false);
    const err = await rejection(bob.caller.apiKeys.revoke({ id: made.apiKey.id }));
    expect(err.code).toBe("NOT_FOUND");
    const [row] = await tdb.db.select().from(apiKeys).where(eq(apiKeys.id, made.apiKey.id));
    expect(row?.revokedAt).toBeNull();
  });
});

describe("usage", () => {
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
  const row = (over: Partial<NewUsageRecord>): NewUsageRecord => ({
    userId: alice.id,
    deploymentId: dep.id,
    model: dep.name,
    source: "api",
    promptTokens: 10,
    completionTokens: 20,
    ttftMs: 5,
    totalMs: 100,
    status: 200,
    stream: false,
    createdAt: minutesAgo(1),
    ...over,
  });

  it("computes per-bucket requests, latency percentiles, tokens and error rate in PostgreSQL", async () => {
    const fresh = await activeDeployment(tdb.db, alice.caller);
    const at = minutesAgo(2);
    await tdb.db.insert(usageRecords).values([
      ...[10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((totalMs) => row({ deploymentId: fresh.id, totalMs, createdAt: at })),
      row({ deploymentId: fresh.id, status: 429, errorCode: "rate_limit_exceeded", totalMs: 1, promptTokens: 0, completionTokens: 0, createdAt: at }),
      row({ deploymentId: fresh.id, totalMs: 500, createdAt: minutesAgo(3 * 60) }),
    ]);
    const m = await alice.caller.usage.metrics({ deploymentId: fresh.id, range: "1h" });
    expect(m.bucketSeconds).toBe(60);
    expect(m.buckets).toHaveLength(60);
    const busy = m.buckets.filter((b) => b.requests > 0);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ requests: 11, errors: 1, promptTokens: 100, completionTokens: 200, requestsPerMinute: 11 });
    expect(busy[0]?.errorRate).toBeCloseTo(1 / 11);
    // percentile_cont over 1,10,20,…,100: the median is 50, the 95th percentile 95.
    expect(busy[0]?.p50Ms).toBe(50);
    expect(busy[0]?.p95Ms).toBe(95);
    expect(m.totals.requests).toBe(11);
    const day = await alice.caller.usage.metrics({ deploymentId: fresh.id, range: "24h" });
    expect(day.totals.requests).toBe(12);
    expect(day.buckets).toHaveLength(96);
  });

  it("lists requests newest first, filtered by status and key, a page at a time", async () => {
    const fresh = await activeDeployment(tdb.db, alice.caller);
    const [key] = await tdb.db.select().from(apiKeys).where(eq(apiKeys.deploymentId, fresh.id));
    await tdb.db.insert(usageRecords).values([
      row({ deploymentId: fresh.id, createdAt: minutesAgo(5), apiKeyId: key!.id, requestText: "user: hi", responseText: "hello" }),
      row({ deploymentId: fresh.id, createdAt: minutesAgo(4), status: 429, errorCode: "rate_limit_exceeded" }),
      row({ deploymentId: fresh.id, createdAt: minutesAgo(3), source: "chat" }),
      row({ deploymentId: fresh.id, createdAt: minutesAgo(2), stream: true, errorCode: "client_closed", status: 499 }),
    ]);
    const first = await alice.caller.usage.requests({ deploymentId: fresh.id, limit: 3 });
    expect(first.items.map((r) => r.status)).toEqual([499, 200, 429]);
    expect(first.nextCursor).not.toBeNull();
    const second = await alice.caller.usage.requests({ deploymentId: fresh.id, limit: 3, cursor: first.nextCursor });
    expect(second.items.map((r) => [r.status, r.requestText, r.responseText, r.apiKey?.id])).toEqual([[200, "user: hi", "hello", key!.id]]);
    expect(second.nextCursor).toBeNull();
    expect((await alice.caller.usage.requests({ deploymentId: fresh.id, status: "error" })).items.map((r) => r.status)).toEqual([499, 429]);
    expect((await alice.caller.usage.requests({ deploymentId: fresh.id, status: "success" })).items).toHaveLength(2);
    expect((await alice.caller.usage.requests({ deploymentId: fresh.id, status: 429 })).items).toHaveLength(1);
    expect((await alice.caller.usage.requests({ deploymentId: fresh.id, apiKeyId: key!.id })).items).toHaveLength(1);
    expect((await alice.caller.usage.requests({ deploymentId: fresh.id, from: minutesAgo(3.5), to: minutesAgo(2.5) })).items.map((r) => r.source)).toEqual([
      "chat",
    ]);
    const bad = await rejection(alice.caller.usage.requests({ deploymentId: fresh.id, cursor: "nope" }));
    expect(bad.code).toBe("BAD_REQUEST");
  });

  it("a second user can read neither the metrics nor the requests of the first user's deployment", async () => {
    await tdb.db.insert(usageRecords).values([row({ requestText: "secret prompt" })]);
    expect((await rejection(bob.caller.usage.metrics({ deploymentId: dep.id, range: "1h" }))).code).toBe("NOT_FOUND");
    expect((await rejection(bob.caller.usage.requests({ deploymentId: dep.id }))).code).toBe("NOT_FOUND");
    expect((await alice.caller.usage.requests({ deploymentId: dep.id })).items.some((r) => r.requestText === "secret prompt")).toBe(true);
  });
});

describe("chats.models", () => {
  it("offers the caller's active deployments, and only theirs", async () => {
    const mine = await alice.caller.chats.models();
    expect(mine.deployments.map((d) => d.id)).toContain(`deployment:${dep.id}`);
    expect(mine.deployments.find((d) => d.deploymentId === dep.id)).toMatchObject({ name: dep.name, offline: false });
    expect((await bob.caller.chats.models()).deployments).toEqual([]);
  });
});
