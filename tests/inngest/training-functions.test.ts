/**
 * train-model and cancel-training end to end with @inngest/test, against a real database, real
 * (temporary) storage and the training simulator on a clock the test moves: every mocked sleep
 * between polls advances it two minutes. A run holds a few polls here (MAX_POLLS_PER_RUN is mocked
 * down), so a job also crosses runs through the `radium/training.continued` event, as a long job does.
 */
import fs from "node:fs";
import { InngestTestEngine } from "@inngest/test";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { costSoFar } from "@/lib/pricing/training";
import { trainingQuality } from "@/lib/training/quality";
import { setConnectionForTesting } from "@/server/db";
import {
  costRecords,
  modelArtifacts,
  notifications,
  trainingCheckpoints,
  trainingEvents,
  trainingJobs,
  trainingMetrics,
} from "@/server/db/schema";
import { cancelTraining } from "@/server/inngest/functions/cancel-training";
import { markTrainingFailed, trainModel } from "@/server/inngest/functions/train-model";
import { ProviderError } from "@/server/providers/training";
import { TrainingSimulator } from "@/server/providers/training/simulator";
import { getStorage } from "@/server/storage";
import { billedSteps } from "@/server/training/billing";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { idempotencyKey, insertDataset, trainingGraph } from "../helpers/training";
import { callerFor } from "../helpers/trpc";

vi.mock("@/server/outbox/dispatcher", () => ({ kickOutbox: () => {} }));

const sim = vi.hoisted(() => ({
  now: 0,
  provider: null as null | import("@/server/providers/training").TrainingProvider,
}));
vi.mock("@/server/providers/training", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/providers/training")>();
  return { ...real, trainingProvider: () => sim.provider ?? real.trainingProvider() };
});

vi.mock("@/server/training/machine", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/training/machine")>()),
  MAX_POLLS_PER_RUN: 4,
}));

const storageRoot = vi.hoisted(() => ({ dir: "" }));
vi.mock("@/server/storage", async () => {
  const { localStorage } = await import("@/server/storage/local");
  storageRoot.dir = (await import("node:fs")).mkdtempSync(
    (await import("node:path")).join((await import("node:os")).tmpdir(), "radium-training-"),
  );
  const storage = localStorage(storageRoot.dir, Buffer.from("training-tests"));
  return { getStorage: async () => storage };
});

const STEP_MS = 120_000;
const sleeps = Array.from({ length: 8 }, (_, i) => ({
  id: `wait-${i}`,
  handler: () => {
    sim.now += STEP_MS;
  },
}));

type Data = { jobId: string; userId: string };

function engine(fn: typeof trainModel | typeof cancelTraining, name: string, data: Data, steps = sleeps) {
  return new InngestTestEngine({
    function: fn,
    events: [{ name, data }],
    // Sending the continuation is the runner's business; the test starts the next run itself.
    steps: [...steps, { id: "continue", handler: () => ({ ids: ["evt_continue"] }) }],
  });
}

/** Runs train-model, and its continuations, until a run ends otherwise. */
async function trainToEnd(data: Data) {
  let name = "radium/training.requested";
  for (let run = 0; run < 30; run++) {
    const out = await engine(trainModel, name, data).execute();
    const outcome = (out.result as { outcome?: string } | undefined)?.outcome;
    if (out.error || outcome !== "continued") return { out, runs: run + 1 };
    expect(out.ctx.step.sendEvent).toHaveBeenCalledWith(
      "continue",
      expect.objectContaining({ name: "radium/training.continued", data }),
    );
    name = "radium/training.continued";
  }
  throw new Error("the job never ended");
}

describe.each(testBackends())("training functions on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    setConnectionForTesting(tdb);
  });
  afterAll(async () => {
    setConnectionForTesting(undefined);
    await tdb?.dispose();
    fs.rmSync(storageRoot.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    sim.now = Date.now();
    sim.provider = new TrainingSimulator({ speed: 1, failureRate: 0, now: () => sim.now });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** What the cost ledger holds for a job, in micro-cents. */
  async function ledgerMicro(jobId: string): Promise<number> {
    const rows = await tdb.db.select({ amount: costRecords.amount }).from(costRecords).where(eq(costRecords.resourceId, jobId));
    return rows.reduce((a, r) => a + r.amount, 0);
  }

  async function newJob() {
    const user = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, user.id);
    const { id } = await user.caller.fineTuning.create({
      graph: trainingGraph(user.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    return { user, dataset, data: { jobId: id, userId: user.id } };
  }

  const rowOf = async (id: string) => {
    const [row] = await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
    if (!row) throw new Error(`no job ${id}`);
    return row;
  };

  /** The timeline as "from>to", checked to be one unbroken chain. */
  async function timeline(id: string): Promise<string[]> {
    const rows = await tdb.db
      .select()
      .from(trainingEvents)
      .where(eq(trainingEvents.jobId, id))
      .orderBy(asc(trainingEvents.id));
    rows.forEach((r, i) => {
      expect(r.fromStatus, `row ${i}`).toBe(i === 0 ? null : rows[i - 1]?.toStatus);
    });
    return rows.map((r) => `${r.fromStatus}>${r.toStatus}`);
  }

  it("trains to completed across runs, with metrics, every checkpoint's files in storage and the model artifact", async () => {
    const { user, data } = await newJob();
    const { out, runs } = await trainToEnd(data);
    expect(out.error).toBeUndefined();
    expect(runs).toBeGreaterThan(1);
    const result = out.result as { outcome: string; status: string; artifactId: string };
    expect(result).toMatchObject({ outcome: "completed", status: "completed", artifactId: expect.any(String) });

    const job = await rowOf(data.jobId);
    expect(job).toMatchObject({
      status: "completed",
      stage: "completed",
      progress: 100,
      providerKind: "simulator",
      errorMessage: null,
    });
    expect(job.finalCostCents).toBe(job.estimatedTotalCents);
    expect(job.costSoFarCents).toBe(job.estimatedTotalCents);
    // The cost ledger accrued chunk by chunk as it ran and settled on the job's final cost.
    expect(await ledgerMicro(data.jobId)).toBe(job.estimatedTotalCents * 1_000_000);
    expect(job.completedAt).toBeInstanceOf(Date);
    expect(job.startedAt).toBeInstanceOf(Date);
    expect(await timeline(data.jobId)).toEqual([
      "null>queued",
      "queued>queued",
      "queued>initializing",
      "initializing>running",
      "running>validating",
      "validating>saving",
      "saving>completed",
    ]);

    // Everything the provider reported, recorded once.
    const provider = sim.provider!;
    const all = await provider.poll(job.providerJobId ?? "");
    const points = await tdb.db
      .select()
      .from(trainingMetrics)
      .where(eq(trainingMetrics.jobId, data.jobId))
      .orderBy(asc(trainingMetrics.step));
    expect(points.map((p) => p.step)).toEqual(all.points.map((p) => p.step));
    expect((await user.caller.fineTuning.logs({ id: data.jobId })).items.map((l) => l.message)).toEqual(
      all.logs.slice(0, 500).map((l) => l.message),
    );

    const checkpoints = await tdb.db
      .select()
      .from(trainingCheckpoints)
      .where(eq(trainingCheckpoints.jobId, data.jobId))
      .orderBy(asc(trainingCheckpoints.step));
    expect(checkpoints.map((c) => c.step)).toEqual(all.checkpoints.map((c) => c.step));
    const storage = await getStorage();
    for (const c of checkpoints) {
      expect(c.storedAt).toBeInstanceOf(Date);
      const expected = await provider.downloadCheckpoint(job.providerJobId ?? "", c.step);
      expect(c.files.map((f) => f.name)).toEqual(expected.map((f) => f.name));
      for (const f of c.files) {
        expect(f.key).toBe(`${user.id}/${data.jobId}/checkpoint-${c.step}/${f.name}`);
        const stored = await storage.read(f.key);
        expect(Buffer.from(stored.body).equals(Buffer.from(expected.find((e) => e.name === f.name)?.data ?? []))).toBe(
          true,
        );
        expect(f.size).toBe(stored.body.byteLength);
      }
    }

    const [artifact] = await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.jobId, data.jobId));
    if (!artifact) throw new Error("no artifact");
    const final = checkpoints.find((c) => c.isFinal);
    expect(artifact).toMatchObject({
      id: result.artifactId,
      userId: user.id,
      version: 1,
      parentArtifactId: null,
      checkpointStep: final?.step,
      files: final?.files,
      configuration: job.config,
    });
    expect(artifact.quality).toEqual(trainingQuality(points));
    expect(artifact.quality.perplexity).toBeCloseTo(Math.exp(artifact.quality.finalValidationLoss ?? Number.NaN), 10);
    expect(artifact.summary).toMatchObject({
      costCents: job.estimatedTotalCents,
      totalSteps: job.totalSteps,
      provider: "simulator",
    });
    expect((await user.caller.fineTuning.byId({ id: data.jobId })).artifactId).toBe(artifact.id);

    const notes = await tdb.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notes.map((n) => [n.dedupeKey, n.type, n.priority, n.link])).toEqual([
      [`training:${data.jobId}:completed`, "job_completed", "high", `/fine-tuning/jobs/${data.jobId}`],
    ]);

    // The event delivered again: nothing new.
    const again = await engine(trainModel, "radium/training.requested", data).execute();
    expect(again.result).toEqual({ outcome: "skipped", status: "completed" });
    expect(await timeline(data.jobId)).toHaveLength(7);
    expect(await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.jobId, data.jobId))).toHaveLength(1);
  });

  it("lands in failed with the provider's reason, billing the steps completed before it", async () => {
    sim.provider = new TrainingSimulator({ speed: 1, failureRate: 1, now: () => sim.now });
    const { user, data } = await newJob();
    const { out } = await trainToEnd(data);
    expect(out.error).toBeUndefined();
    expect(out.result).toMatchObject({ outcome: "ended", status: "failed" });
    const job = await rowOf(data.jobId);
    const provider = await sim.provider.poll(job.providerJobId ?? "");
    expect(provider.phase).toBe("failed");
    expect(job.errorMessage).toBe(provider.message);
    expect(job.finalCostCents).toBe(
      job.startedAt
        ? costSoFar(job.estimate, billedSteps(job.estimate, provider.step, provider.totalSteps)).totalCents
        : 0,
    );
    expect((await timeline(data.jobId)).at(-1)).toMatch(/>failed$/);
    expect(await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.jobId, data.jobId))).toEqual([]);
    const notes = await tdb.db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(notes.map((n) => [n.dedupeKey, n.type, n.body])).toEqual([
      [`training:${data.jobId}:failed`, "job_failed", provider.message],
    ]);
  });

  it("fails the run on a provider error retrying cannot fix; onFailure records it and stops the provider's job", async () => {
    const { data } = await newJob();
    const provider = sim.provider!;
    await engine(trainModel, "radium/training.requested", data).executeStep("poll-1");
    vi.spyOn(provider, "poll").mockRejectedValue(
      new ProviderError("Job ft-123 was deleted by an administrator", { code: "invalid", retryable: false }),
    );
    const cancel = vi.spyOn(provider, "cancel");
    const { error } = await engine(trainModel, "radium/training.requested", data).execute();
    const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
    expect(message).toContain("deleted by an administrator");
    const running = await rowOf(data.jobId);
    expect(running.status).toBe("running");

    const failed = await markTrainingFailed({
      event: {
        name: "inngest/function.failed",
        data: {
          function_id: "radium-train-model",
          run_id: "run_1",
          error: { name: "Error", message },
          event: { name: "radium/training.requested", data },
        },
      },
      error: new Error(message),
    });
    expect(failed).toMatchObject({ ok: true, from: "running", to: "failed" });
    expect(cancel).toHaveBeenCalledWith(running.providerJobId);
    const job = await rowOf(data.jobId);
    expect(job).toMatchObject({ status: "failed", stage: "training", errorMessage: message });
    expect(job.providerJobId).not.toBe(running.providerJobId);
    expect(job.finalCostCents).toBe(
      costSoFar(job.estimate, billedSteps(job.estimate, running.currentStep, running.totalSteps)).totalCents,
    );
    expect((await timeline(data.jobId)).at(-1)).toBe("running>failed");
  });

  it("cancelled mid-run: the run is cancelled, the provider stopped, only completed steps billed", async () => {
    expect(trainModel.opts.cancelOn).toEqual([expect.objectContaining({ match: "data.jobId" })]);
    expect(trainModel.opts.cancelOn?.[0]?.event).toMatchObject({ name: "radium/training.cancel.requested" });

    const { user, data } = await newJob();
    await engine(trainModel, "radium/training.requested", data).executeStep("poll-3");
    const running = await rowOf(data.jobId);
    expect(running.status).toBe("running");
    expect(running.currentStep).toBeGreaterThan(0);
    expect(running.currentStep).toBeLessThan(running.totalSteps);
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(100);
    expect(running.costSoFarCents).toBeGreaterThan(0);
    expect(running.costSoFarCents).toBeLessThan(running.estimatedTotalCents);
    expect(await ledgerMicro(data.jobId)).toBe(running.costSoFarCents * 1_000_000);

    sim.now += 30_000; // the user watches a little longer; the provider trains on
    await expect(user.caller.fineTuning.cancel({ id: data.jobId })).resolves.toEqual({
      id: data.jobId,
      status: "cancelled",
    });
    const settled = await engine(cancelTraining, "radium/training.cancel.requested", data, []).execute();
    expect(settled.error).toBeUndefined();

    const job = await rowOf(data.jobId);
    const provider = await sim.provider!.poll(job.providerJobId ?? "");
    expect(provider.phase).toBe("cancelled");
    expect(job.providerJobId).not.toBe(running.providerJobId);
    expect(provider.step).toBeGreaterThan(running.currentStep);
    expect(job.currentStep).toBe(provider.step);
    const billed = costSoFar(job.estimate, billedSteps(job.estimate, provider.step, provider.totalSteps)).totalCents;
    expect(job).toMatchObject({
      status: "cancelled",
      stage: "training",
      finalCostCents: billed,
      costSoFarCents: billed,
    });
    expect(billed).toBeLessThan(job.estimatedTotalCents);
    expect(await ledgerMicro(data.jobId)).toBe(billed * 1_000_000);
    expect(await timeline(data.jobId)).toEqual([
      "null>queued",
      "queued>queued",
      "queued>initializing",
      "initializing>running",
      "running>cancelled",
      "cancelled>cancelled",
    ]);
    const logs = (await user.caller.fineTuning.logs({ id: data.jobId })).items;
    expect(logs.at(-1)?.message).toMatch(/^Cancelled by the user after/);

    // Delivered again, the cancel changes nothing; a late training run stops at once.
    await engine(cancelTraining, "radium/training.cancel.requested", data, []).execute();
    const late = await engine(trainModel, "radium/training.requested", data).execute();
    expect(late.result).toEqual({ outcome: "skipped", status: "cancelled" });
    expect(await rowOf(data.jobId)).toEqual(job);
    expect(await timeline(data.jobId)).toHaveLength(6);
    expect(await tdb.db.select().from(modelArtifacts).where(eq(modelArtifacts.jobId, data.jobId))).toEqual([]);
  });

  it("a second artifact of the same model and dataset follows the first in the lineage", async () => {
    const { user, dataset, data } = await newJob();
    await trainToEnd(data);
    const { id } = await user.caller.fineTuning.create({
      graph: trainingGraph(user.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    sim.now = Date.now();
    await trainToEnd({ jobId: id, userId: user.id });
    const rows = await tdb.db
      .select()
      .from(modelArtifacts)
      .where(and(eq(modelArtifacts.userId, user.id)))
      .orderBy(asc(modelArtifacts.createdAt));
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[1]?.parentArtifactId).toBe(rows[0]?.id);
    expect(rows[1]?.name).toMatch(/ v2$/);
  });
});
