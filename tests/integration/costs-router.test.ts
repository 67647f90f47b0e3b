/**
 * The costs, budgets and dashboard routers against a real database, with the deployment meter run
 * over a timeline written by hand: replica-hours across a pause, the meter run twice over one window
 * billing once, the month's total leaving last month out, paging, the breakdown and the CSV, and a
 * second user who can neither read nor change the first user's costs or budget.
 */
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DAY_MS, floorDay, floorHour, HOUR_MS } from "@/lib/costs/period";
import { storageMicroCents } from "@/lib/costs/storage";
import { accrueDeployments } from "@/server/costs/accrue-deployments";
import { accrueStorage } from "@/server/costs/accrue-storage";
import { writeCostLines } from "@/server/costs/ledger";
import { costDaily, costMeters, costRecords, datasets, deploymentEvents, deployments } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { createInput } from "../helpers/deployments";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { insertDataset } from "../helpers/training";
import { anonymousCaller, callerFor } from "../helpers/trpc";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const MIN = 60_000;

async function ledger(db: Db, userId: string) {
  const [records] = await db
    .select({ n: sql<number>`count(*)::int`, total: sql<string | null>`sum(${costRecords.amount})` })
    .from(costRecords)
    .where(eq(costRecords.userId, userId));
  const [daily] = await db
    .select({ total: sql<string | null>`sum(${costDaily.amount})` })
    .from(costDaily)
    .where(eq(costDaily.userId, userId));
  return { count: records?.n ?? 0, micro: Number(records?.total ?? 0), dailyMicro: Number(daily?.total ?? 0) };
}

/** A deployment of the user's whose timeline is written by hand from `base`: active, paused, active again. */
async function meteredDeployment(db: Db, caller: Awaited<ReturnType<typeof callerFor>>, base: Date) {
  const { id } = await caller.caller.deployments.create(createInput({ scaling: { minReplicas: 2, maxReplicas: 3 } }));
  const created = new Date(base.getTime() - 10 * MIN);
  await db.update(deployments).set({ createdAt: created, status: "active" }).where(eq(deployments.id, id));
  await db.update(deploymentEvents).set({ createdAt: created }).where(eq(deploymentEvents.deploymentId, id));
  const at = (m: number) => new Date(base.getTime() + m * MIN);
  await db.insert(deploymentEvents).values([
    { deploymentId: id, fromStatus: "pending", toStatus: "provisioning", step: "provision_started", createdAt: at(-8) },
    { deploymentId: id, fromStatus: "provisioning", toStatus: "starting", step: "provider_ready", createdAt: at(-5) },
    { deploymentId: id, fromStatus: "starting", toStatus: "active", step: "became_active", createdAt: at(0) },
    { deploymentId: id, fromStatus: "active", toStatus: "pausing", step: "pause_requested", createdAt: at(20) },
    { deploymentId: id, fromStatus: "pausing", toStatus: "paused", step: "paused", createdAt: at(30) },
    { deploymentId: id, fromStatus: "paused", toStatus: "resuming", step: "resume_requested", createdAt: at(60) },
    { deploymentId: id, fromStatus: "resuming", toStatus: "active", step: "resumed", createdAt: at(90) },
  ]);
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id));
  if (!row) throw new Error("no deployment");
  return row;
}

describe.each(testBackends())("costs, budgets and dashboard routers on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  it("meters replica-hours across a pause; the meter run twice over one window bills once", async () => {
    const alice = await callerFor(tdb.db);
    const base = new Date(floorHour(new Date()).getTime() + HOUR_MS);
    const dep = await meteredDeployment(tdb.db, alice, base);
    const now = new Date(base.getTime() + 120 * MIN);

    await accrueDeployments(tdb.db, now);
    const first = await ledger(tdb.db, alice.id);
    // Active 0–30 (pausing until the provider confirms), resumed 90–120: an hour of two replicas.
    expect(first.micro).toBe(dep.hourlyCents * 2 * 1_000_000);
    expect(first.count).toBe(2); // the two UTC hours touched
    expect(first.dailyMicro).toBe(first.micro);

    await accrueDeployments(tdb.db, now);
    expect(await ledger(tdb.db, alice.id)).toEqual(first);

    // Ten minutes later, the open hour's line grows; nothing else changes.
    await accrueDeployments(tdb.db, new Date(now.getTime() + 10 * MIN));
    const later = await ledger(tdb.db, alice.id);
    expect(later.count).toBe(3);
    expect(later.micro).toBe(Math.round((dep.hourlyCents * 2 * 1_000_000 * 70) / 60));
    expect(later.dailyMicro).toBe(later.micro);
  });

  it("accrues storage per ended UTC day, once, for files stored during it", async () => {
    const alice = await callerFor(tdb.db);
    const today = floorDay(new Date());
    const dataset = await insertDataset(tdb.db, alice.id, { name: "stored" });
    // Uploaded at noon two days ago: half of that day, all of yesterday, and today is not over yet.
    await tdb.db
      .update(datasets)
      .set({ fileSize: 2_000_000_000, uploadedAt: new Date(today.getTime() - 2 * DAY_MS + DAY_MS / 2) })
      .where(eq(datasets.id, dataset.id));
    await tdb.db
      .insert(costMeters)
      .values({ key: "storage", accruedUntil: new Date(today.getTime() - 3 * DAY_MS) })
      .onConflictDoUpdate({ target: costMeters.key, set: { accruedUntil: new Date(today.getTime() - 3 * DAY_MS) } });

    const first = await accrueStorage(tdb.db);
    expect(first.userIds).toContain(alice.id);
    const rows = await tdb.db.select().from(costRecords).where(eq(costRecords.resourceId, dataset.id));
    expect(rows.map((r) => [r.type, r.periodStart.getTime(), r.amount]).sort()).toEqual(
      [
        ["storage", today.getTime() - 2 * DAY_MS, storageMicroCents(2_000_000_000, DAY_MS / 2)],
        ["storage", today.getTime() - DAY_MS, storageMicroCents(2_000_000_000, DAY_MS)],
      ].sort(),
    );
    const again = await accrueStorage(tdb.db);
    expect(again.userIds).not.toContain(alice.id);
    expect(await tdb.db.select().from(costRecords).where(eq(costRecords.resourceId, dataset.id))).toHaveLength(2);
  });

  it("summary, records, breakdown and CSV show the caller's costs only; last month stays out of this month", async () => {
    const alice = await callerFor(tdb.db);
    const bob = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, alice.id, { name: "support-chats" });
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0, 12));
    const line = (key: string, type: "compute" | "storage", micro: number, at: Date) => ({
      idempotencyKey: `test:${key}:${crypto.randomUUID()}`,
      type,
      resourceType: "dataset" as const,
      resourceId: dataset.id,
      amountMicro: micro,
      periodStart: at,
      periodEnd: at,
      details: { kind: "storage" as const, bytes: 1, storedSeconds: 1 },
    });
    await writeCostLines(tdb.db, alice.id, [
      line("a", "storage", 1_250_000, now),
      line("b", "compute", 3_000_000, new Date(now.getTime() - 1000)),
      line("c", "compute", 99_000_000, lastMonth),
    ]);

    const summary = await alice.caller.costs.summary();
    expect(summary).toMatchObject({ spentCents: 4, byType: { compute: 3, storage: 1, data_transfer: 0, api_calls: 0 } });
    expect(summary.forecastCents).toBeGreaterThanOrEqual(summary.spentCents);
    expect(summary.budget).toMatchObject({ monthlyBudgetCents: null, remainingCents: null, limitReached: false });

    const page1 = await alice.caller.costs.records({ limit: 2 });
    expect(page1.items.map((r) => r.amountMicroCents)).toEqual([1_250_000, 3_000_000]);
    expect(page1.items[0]).toMatchObject({ resourceName: "support-chats", amountCents: 1, type: "storage" });
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await alice.caller.costs.records({ limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((r) => r.amountMicroCents)).toEqual([99_000_000]);
    expect(page2.nextCursor).toBeNull();
    expect((await alice.caller.costs.records({ type: "compute", from: new Date(now.getTime() - 60_000) })).items).toHaveLength(1);
    await expect(alice.caller.costs.records({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const breakdown = await alice.caller.costs.breakdown({ from: lastMonth.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) });
    expect(breakdown.totalCents).toBe(103);
    expect(breakdown.byResource).toEqual([
      expect.objectContaining({ resourceType: "dataset", resourceId: dataset.id, name: "support-chats", cents: 103 }),
    ]);
    expect(breakdown.daily[0]).toMatchObject({ day: lastMonth.toISOString().slice(0, 10), compute: 99 });
    expect(breakdown.daily.at(-1)?.day).toBe(now.toISOString().slice(0, 10));
    await expect(alice.caller.costs.breakdown({ from: "2026-12-05", to: "2026-12-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const csv = await alice.caller.costs.exportCsv({});
    expect(csv.rows).toBe(3);
    expect(csv.csv).toContain("support-chats");
    expect(csv.csv).toContain(",0.99000000,");

    // Bob: nothing of Alice's, even when he names her dataset.
    expect((await bob.caller.costs.summary()).spentCents).toBe(0);
    expect((await bob.caller.costs.records({ resourceId: dataset.id })).items).toEqual([]);
    expect((await bob.caller.costs.breakdown({})).byResource).toEqual([]);
    expect((await bob.caller.costs.exportCsv({ resourceId: dataset.id })).rows).toBe(0);
  });

  it("budgets: set, read back, validated, and one user's never touches another's", async () => {
    const alice = await callerFor(tdb.db);
    const bob = await callerFor(tdb.db);
    expect(await alice.caller.budgets.get()).toMatchObject({ monthlyBudgetCents: null, hardLimit: false, spentCents: 0 });
    expect(await alice.caller.budgets.set({ monthlyBudgetCents: 5_000, hardLimit: true })).toMatchObject({
      monthlyBudgetCents: 5_000,
      hardLimit: true,
      remainingCents: 5_000,
      percentUsed: 0,
    });
    await bob.caller.budgets.set({ monthlyBudgetCents: 100, hardLimit: false });
    expect(await alice.caller.budgets.get()).toMatchObject({ monthlyBudgetCents: 5_000, hardLimit: true });
    expect(await bob.caller.budgets.get()).toMatchObject({ monthlyBudgetCents: 100, hardLimit: false });
    await expect(alice.caller.budgets.set({ monthlyBudgetCents: 0, hardLimit: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(alice.caller.budgets.set({ monthlyBudgetCents: 12.5, hardLimit: false })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await alice.caller.budgets.set({ monthlyBudgetCents: null, hardLimit: false });
    expect(await alice.caller.budgets.get()).toMatchObject({ monthlyBudgetCents: null, limitReached: false });
  });

  it("dashboard.summary counts the caller's own datasets, jobs, models, deployments and activity", async () => {
    const alice = await callerFor(tdb.db);
    const bob = await callerFor(tdb.db);
    await insertDataset(tdb.db, alice.id, { name: "first" });
    await insertDataset(tdb.db, alice.id, { name: "gone", deleted: true });
    const { id } = await alice.caller.deployments.create(createInput());
    await tdb.db.update(deployments).set({ status: "active" }).where(eq(deployments.id, id));

    const mine = await alice.caller.dashboard.summary();
    expect(mine.stats).toMatchObject({ totalDatasets: 1, activeJobs: 0, completedModels: 0, activeDeployments: 1 });
    expect(mine.stats.spend).toMatchObject({ spentCents: 0, monthlyBudgetCents: null });
    expect(mine.recentDatasets.map((d) => d.name)).toEqual(["first"]);
    expect(mine.recentActivity[0]).toMatchObject({ kind: "deployment", resourceId: id, link: `/deployments/${id}` });

    const theirs = await bob.caller.dashboard.summary();
    expect(theirs.stats).toMatchObject({ totalDatasets: 0, activeJobs: 0, completedModels: 0, activeDeployments: 0 });
    expect(theirs.recentDatasets).toEqual([]);
    expect(theirs.recentActivity).toEqual([]);
  });

  it("refuses callers without a session", async () => {
    const anon = anonymousCaller(tdb.db);
    for (const call of [
      () => anon.costs.summary(),
      () => anon.costs.records({}),
      () => anon.costs.breakdown({}),
      () => anon.costs.exportCsv({}),
      () => anon.budgets.get(),
      () => anon.budgets.set({ monthlyBudgetCents: 1000, hardLimit: false }),
      () => anon.dashboard.summary(),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });
});
