/**
 * Budgets end to end against a real database: the 80% and 100% alerts once each per month; with the
 * hard limit reached, a new fine-tuning job, a new deployment and a resume are refused with a 422
 * saying why, the accrue-costs function (run with @inngest/test) pauses a running deployment, and a
 * training poll's accrual cancels the running job, billing only its completed steps.
 */
import crypto from "node:crypto";
import { InngestTestEngine } from "@inngest/test";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { CostLine } from "@/lib/costs/types";
import { accrueTrainingAndEnforce } from "@/server/costs/after-change";
import { enforceBudget } from "@/server/costs/budget";
import { writeCostLines } from "@/server/costs/ledger";
import { setConnectionForTesting } from "@/server/db";
import { costRecords, deploymentEvents, deployments, notifications, outbox, trainingEvents, trainingJobs } from "@/server/db/schema";
import { accrueCosts } from "@/server/inngest/functions/accrue-costs";
import { INITIAL_CURSOR } from "@/server/providers/training";
import { recordTrainingUpdate } from "@/server/training/record";
import { submitTrainingJob } from "@/server/training/run";
import { createInput } from "../helpers/deployments";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { idempotencyKey, insertDataset, trainingConfig, trainingGraph } from "../helpers/training";
import { callerFor } from "../helpers/trpc";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const ENV_KEYS = ["TRAINING_SIMULATOR_SPEED", "TRAINING_SIMULATOR_FAILURE_RATE"] as const;

function spend(micro: number): CostLine {
  const now = new Date();
  return {
    idempotencyKey: `test:${crypto.randomUUID()}`,
    type: "compute",
    resourceType: "deployment",
    resourceId: crypto.randomUUID(),
    amountMicro: micro,
    periodStart: now,
    periodEnd: now,
    details: { kind: "deployment", replicas: 1, hourlyCents: 1, billedSeconds: 1 },
  };
}

describe.each(testBackends())("budgets on %s", (backend) => {
  let tdb: TestDatabase;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
  });
  beforeEach(() => {
    process.env.TRAINING_SIMULATOR_SPEED = "0";
    process.env.TRAINING_SIMULATOR_FAILURE_RATE = "0";
  });
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  const alertsOf = (userId: string) =>
    tdb.db
      .select({ type: notifications.type, priority: notifications.priority, link: notifications.link, title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, userId)))
      .orderBy(notifications.createdAt);

  it("sends the 80% and the 100% alert once each, however often the budget is checked", async () => {
    const alice = await callerFor(tdb.db);
    await alice.caller.budgets.set({ monthlyBudgetCents: 10_000, hardLimit: false });
    await writeCostLines(tdb.db, alice.id, [spend(7_900 * 1_000_000)]);
    expect((await enforceBudget(tdb.db, alice.id)).alerts).toEqual([]);

    await writeCostLines(tdb.db, alice.id, [spend(600 * 1_000_000)]);
    expect((await enforceBudget(tdb.db, alice.id)).alerts).toEqual([80]);
    expect((await enforceBudget(tdb.db, alice.id)).alerts).toEqual([]);

    await writeCostLines(tdb.db, alice.id, [spend(1_500 * 1_000_000)]);
    expect(await enforceBudget(tdb.db, alice.id)).toEqual({ alerts: [100], paused: [], cancelled: [] });
    expect((await enforceBudget(tdb.db, alice.id)).alerts).toEqual([]);
    // Setting the budget again checks it at once, and still sends nothing twice.
    await alice.caller.budgets.set({ monthlyBudgetCents: 10_000, hardLimit: false });

    expect(await alertsOf(alice.id)).toEqual([
      { type: "cost_alert_80", priority: "high", link: "/costs", title: "80% of your monthly budget used" },
      { type: "cost_alert_100", priority: "critical", link: "/costs", title: "Monthly budget reached" },
    ]);
    // Without the hard limit nothing is refused.
    expect((await alice.caller.budgets.get()).limitReached).toBe(false);
  });

  it("with the hard limit reached, refuses a new job, a new deployment and a resume with a 422 that says why", async () => {
    const alice = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, alice.id);
    const { id: depId } = await alice.caller.deployments.create(createInput());
    await tdb.db.update(deployments).set({ status: "paused" }).where(eq(deployments.id, depId));
    await alice.caller.budgets.set({ monthlyBudgetCents: 100, hardLimit: true });
    await writeCostLines(tdb.db, alice.id, [spend(100 * 1_000_000)]);

    const why = /monthly budget of \$1\.00 is used up .* hard limit is on/;
    await expect(
      alice.caller.fineTuning.create({ graph: trainingGraph(alice.id, dataset.id), idempotencyKey: idempotencyKey() }),
    ).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT", message: expect.stringMatching(why) });
    await expect(alice.caller.deployments.create(createInput())).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
      message: expect.stringMatching(why),
    });
    await expect(alice.caller.deployments.resume({ id: depId })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    expect((await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.userId, alice.id))).length).toBe(0);

    // Raised, the same requests go through; another user was never limited.
    await alice.caller.budgets.set({ monthlyBudgetCents: 100_000, hardLimit: true });
    await expect(alice.caller.deployments.create(createInput())).resolves.toMatchObject({ created: true });
    const bob = await callerFor(tdb.db);
    await expect(bob.caller.deployments.create(createInput())).resolves.toMatchObject({ created: true });
  });

  it("fineTuning.estimate puts the estimate beside the remaining budget", async () => {
    const alice = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, alice.id);
    const input = { config: trainingConfig(dataset.id) };
    expect((await alice.caller.fineTuning.estimate(input)).budget).toBeNull();
    await alice.caller.budgets.set({ monthlyBudgetCents: 500, hardLimit: true });
    await writeCostLines(tdb.db, alice.id, [spend(450 * 1_000_000)]);
    const { estimate, budget } = await alice.caller.fineTuning.estimate(input);
    expect(budget).toEqual({
      monthlyBudgetCents: 500,
      hardLimit: true,
      remainingCents: 50,
      wouldExceed: estimate.totalCents > 50,
      limitReached: false,
    });
  });

  it("the cost meter pauses a running deployment once the hard limit is reached, with a notification", async () => {
    const alice = await callerFor(tdb.db);
    const { id } = await alice.caller.deployments.create(createInput());
    // Active for the last three hours.
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
    await tdb.db.update(deployments).set({ status: "active", createdAt: new Date(threeHoursAgo.getTime() - 60_000) }).where(eq(deployments.id, id));
    await tdb.db.update(deploymentEvents).set({ createdAt: new Date(threeHoursAgo.getTime() - 60_000) }).where(eq(deploymentEvents.deploymentId, id));
    await tdb.db.insert(deploymentEvents).values({ deploymentId: id, fromStatus: "starting", toStatus: "active", step: "became_active", createdAt: threeHoursAgo });
    await alice.caller.budgets.set({ monthlyBudgetCents: 100, hardLimit: true });

    const run = await new InngestTestEngine({ function: accrueCosts, events: [{ name: "radium/costs.accrue.requested", data: {} }] }).execute();
    expect(run.error).toBeUndefined();
    const result = run.result as { enforced: Array<{ userId: string; alerts: number[]; paused: string[] }> };
    expect(result.enforced).toContainEqual({ userId: alice.id, alerts: [80, 100], paused: [id], cancelled: [] });

    const [row] = await tdb.db.select().from(deployments).where(eq(deployments.id, id));
    expect(row?.status).toBe("pausing");
    const queued = await tdb.db.select().from(outbox).where(eq(outbox.name, "radium/deployment.pause.requested"));
    expect(queued.map((q) => q.data)).toContainEqual({ deploymentId: id, userId: alice.id });
    expect(await alertsOf(alice.id)).toContainEqual({
      type: "cost_alert_100",
      priority: "critical",
      link: `/deployments/${id}`,
      title: expect.stringMatching(/paused: monthly budget reached$/),
    });
    const billed = await tdb.db.select().from(costRecords).where(eq(costRecords.resourceId, id));
    expect(billed.reduce((a, r) => a + r.amount, 0)).toBeGreaterThanOrEqual(100 * 1_000_000);

    // Run again: billed once, paused once.
    const again = await new InngestTestEngine({ function: accrueCosts, events: [{ name: "radium/costs.accrue.requested", data: {} }] }).execute();
    expect((again.result as typeof result).enforced.find((e) => e.userId === alice.id)).toBeUndefined();
  });

  it("cancels running training when a poll's accrual reaches the hard limit, billing only completed steps", async () => {
    const alice = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, alice.id);
    const { id } = await alice.caller.fineTuning.create({ graph: trainingGraph(alice.id, dataset.id), idempotencyKey: idempotencyKey() });
    // Ten cents: half of a small job crosses it.
    await alice.caller.budgets.set({ monthlyBudgetCents: 10, hardLimit: true });
    await submitTrainingJob(tdb.db, id);
    const [job] = await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
    if (!job) throw new Error("no job");
    const half = Math.floor(job.totalSteps / 2);
    await recordTrainingUpdate(tdb.db, id, {
      phase: "running",
      providerStatus: "running",
      step: half,
      totalSteps: job.totalSteps,
      epoch: 1,
      totalEpochs: job.totalEpochs,
      progress: half / job.totalSteps,
      points: [],
      logs: [],
      checkpoints: [],
      cursor: INITIAL_CURSOR,
    });
    const [running] = await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
    expect(running?.status).toBe("running");
    expect(running?.costSoFarCents).toBeGreaterThan(10);

    const enforced = await accrueTrainingAndEnforce(tdb.db, id);
    expect(enforced).toMatchObject({ alerts: [80, 100], cancelled: [id] });
    const [cancelled] = await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
    expect(cancelled).toMatchObject({ status: "cancelled", finalCostCents: running?.costSoFarCents });
    const [event] = await tdb.db.select().from(trainingEvents).where(and(eq(trainingEvents.jobId, id), eq(trainingEvents.toStatus, "cancelled")));
    expect(event?.message).toMatch(/budget's hard limit/);
    const queued = await tdb.db.select().from(outbox).where(eq(outbox.name, "radium/training.cancel.requested"));
    expect(queued.map((q) => q.data)).toContainEqual({ jobId: id, userId: alice.id });
    expect(await alertsOf(alice.id)).toContainEqual({
      type: "cost_alert_100",
      priority: "critical",
      link: `/fine-tuning/jobs/${id}`,
      title: expect.stringMatching(/cancelled: monthly budget reached$/),
    });
    const billed = await tdb.db.select().from(costRecords).where(eq(costRecords.resourceId, id));
    expect(billed.reduce((a, r) => a + r.amount, 0)).toBe((running?.costSoFarCents ?? -1) * 1_000_000);

    // Checked again: nothing more to stop, nothing sent twice.
    expect(await accrueTrainingAndEnforce(tdb.db, id)).toBeNull();
    expect(await enforceBudget(tdb.db, alice.id)).toEqual({ alerts: [], paused: [], cancelled: [] });
  });
});
