/**
 * The fineTuning router against a real database: deep validation by error class (400 issues per
 * field, 401 another user's graph, 422 reasons, 503 with when to retry), the server's own estimate,
 * idempotent create with its timeline row and outbox event, the live series (metrics since a step,
 * logs by cursor, checkpoints with the best marked), cancel, paging, and a second user who can
 * neither read nor change the first user's jobs.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { TRPCError } from "@trpc/server";
import { datasetSizeFromStats, estimateTraining } from "@/lib/pricing/training";
import { models, notifications, outbox, trainingEvents, trainingJobs } from "@/server/db/schema";
import { TrainingGraphError } from "@/server/training/graph-error";
import { recordTrainingUpdate } from "@/server/training/record";
import { pollTrainingJob, submitTrainingJob } from "@/server/training/run";
import { INITIAL_CURSOR } from "@/server/providers/training";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { idempotencyKey, insertDataset, TRAINABLE_MODEL, trainingConfig, trainingGraph } from "../helpers/training";
import { anonymousCaller, callerFor } from "../helpers/trpc";

const kicks = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/server/outbox/dispatcher", () => ({
  kickOutbox: () => {
    kicks.n++;
  },
}));

async function rejection(p: Promise<unknown>): Promise<TRPCError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err;
}

function graphError(err: TRPCError) {
  if (!(err instanceof TrainingGraphError))
    throw new Error(`expected a TrainingGraphError, got ${err.code}: ${err.message}`);
  return err.graph;
}

const ENV_KEYS = [
  "TRAINING_SIMULATOR_SPEED",
  "TRAINING_SIMULATOR_FAILURE_RATE",
  "TRAINING_MAX_ACTIVE_JOBS_PER_USER",
  "TRAINING_MAX_ACTIVE_JOBS",
] as const;

describe.each(testBackends())("fineTuning router on %s", (backend) => {
  let tdb: TestDatabase;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  beforeEach(() => {
    kicks.n = 0;
    process.env.TRAINING_SIMULATOR_SPEED = "0";
    process.env.TRAINING_SIMULATOR_FAILURE_RATE = "0";
    process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER = "100";
    process.env.TRAINING_MAX_ACTIVE_JOBS = "1000";
  });
  afterEach(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  const rowOf = async (id: string) => {
    const [row] = await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
    if (!row) throw new Error(`no job ${id}`);
    return row;
  };
  const outboxFor = async (id: string) =>
    (await tdb.db.select().from(outbox))
      .filter((r) => r.data.jobId === id)
      .map((r) => ({ name: r.name, data: r.data }));

  async function aliceWithDataset() {
    const alice = await callerFor(tdb.db);
    const dataset = await insertDataset(tdb.db, alice.id);
    return { alice, dataset };
  }

  it("creates a queued job with the server's own estimate, a timeline row and the training event", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const graph = trainingGraph(alice.id, dataset.id);
    const created = await alice.caller.fineTuning.create({ graph, idempotencyKey: idempotencyKey() });
    expect(created.created).toBe(true);
    expect(kicks.n).toBe(1);

    const [model] = await tdb.db.select().from(models).where(eq(models.id, TRAINABLE_MODEL));
    if (!model || !dataset.stats) throw new Error("fixtures missing");
    const config = trainingConfig(dataset.id);
    const expected = estimateTraining({ ...config, dataset: datasetSizeFromStats(dataset.stats) }, model);
    const row = await rowOf(created.id);
    expect(row).toMatchObject({
      userId: alice.id,
      status: "queued",
      stage: "queued",
      modelId: TRAINABLE_MODEL,
      datasetId: dataset.id,
      config,
      graph,
      estimatedTotalCents: expected.totalCents,
      totalSteps: expected.totalSteps,
      totalEpochs: config.hyperparameters.epochs,
      costSoFarCents: 0,
      providerJobId: null,
    });
    expect(row.estimate).toEqual(expected);
    expect(row.estimatedCompletionAt?.getTime()).toBeGreaterThan(Date.now() + (expected.durationSeconds - 60) * 1000);

    const detail = await alice.caller.fineTuning.byId({ id: created.id });
    expect(detail).toMatchObject({
      id: created.id,
      name: `Llama 3.1 8B Instruct · ${dataset.name}`,
      status: "queued",
      progress: 0,
      dataset: { id: dataset.id, name: dataset.name },
      model: { id: TRAINABLE_MODEL, name: "Llama 3.1 8B Instruct" },
      estimatedTotalCents: expected.totalCents,
      artifactId: null,
      errorMessage: null,
      finalCostCents: null,
    });
    expect(detail.events).toEqual([
      {
        id: expect.any(Number),
        fromStatus: null,
        toStatus: "queued",
        step: "created",
        message: "Training job created",
        createdAt: expect.any(Date),
      },
    ]);
    expect(Math.abs(detail.events[0]!.createdAt.getTime() - row.createdAt.getTime())).toBeLessThan(60_000);
    expect(await outboxFor(created.id)).toEqual([
      { name: "radium/training.requested", data: { jobId: created.id, userId: alice.id } },
    ]);
  });

  it("makes one job for one idempotency key, however often it is submitted", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const input = { graph: trainingGraph(alice.id, dataset.id), idempotencyKey: idempotencyKey() };
    const all = [
      ...(await Promise.all(Array.from({ length: 5 }, () => alice.caller.fineTuning.create(input)))),
      await alice.caller.fineTuning.create(input),
    ];
    expect(new Set(all.map((r) => r.id)).size).toBe(1);
    expect(all.filter((r) => r.created)).toHaveLength(1);
    expect(await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.userId, alice.id))).toHaveLength(1);
    expect(await outboxFor(all[0]!.id)).toHaveLength(1);

    const other = trainingGraph(alice.id, dataset.id, { presetId: "aggressive" });
    const reused = await rejection(
      alice.caller.fineTuning.create({ graph: other, idempotencyKey: input.idempotencyKey }),
    );
    expect(reused.code).toBe("CONFLICT");
    expect(reused.message).toMatch(/^idempotencyKey: /);
  });

  it("refuses a malformed graph with 400 and every problem under its field", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const graph = trainingGraph(alice.id, dataset.id);
    const broken: { nodes: { props: Record<string, unknown> }[]; edges: unknown[] } = JSON.parse(JSON.stringify(graph));
    broken.nodes[2]!.props.learning_rate = 5;
    broken.nodes[2]!.props.batch_size = 0;
    broken.edges = [broken.edges[0]];
    for (const call of [
      () => alice.caller.fineTuning.create({ graph: broken, idempotencyKey: idempotencyKey() }),
      () => alice.caller.fineTuning.validateGraph({ graph: broken }),
    ]) {
      const err = await rejection(call());
      expect(err.code).toBe("BAD_REQUEST");
      const g = graphError(err);
      if (g.kind !== "malformed") throw new Error(g.kind);
      expect(g.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            field: "hyperparameters.learningRate",
            path: ["nodes", 2, "props", "learning_rate"],
          }),
          expect.objectContaining({ field: "hyperparameters.batchSize" }),
          expect.objectContaining({
            field: null,
            path: ["edges"],
            message: "Connect the BaseModel node to the LoRA node.",
          }),
        ]),
      );
    }
    await expect(alice.caller.fineTuning.validateGraph({ graph: "not a graph" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.userId, alice.id))).toEqual([]);
  });

  it("refuses with 422 and the reason: dataset not ready, not found or deleted, model unavailable, over context, over GPU memory", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const validating = await insertDataset(tdb.db, alice.id, { status: "validating" });
    const deleted = await insertDataset(tdb.db, alice.id, { deleted: true });
    const cases: Array<[ReturnType<typeof trainingGraph>, string, string]> = [
      [trainingGraph(alice.id, validating.id), "dataset_not_ready", "datasetId"],
      [trainingGraph(alice.id, deleted.id), "dataset_not_found", "datasetId"],
      [trainingGraph(alice.id, "not-a-uuid"), "dataset_not_found", "datasetId"],
      [trainingGraph(alice.id, dataset.id, { baseModelId: "gpt-4o" }), "model_unavailable", "baseModelId"],
      [trainingGraph(alice.id, dataset.id, { baseModelId: "no-such-model" }), "model_not_found", "baseModelId"],
      [
        trainingGraph(alice.id, dataset.id, { baseModelId: "nomic-embed-text-v1.5" }),
        "model_unavailable",
        "baseModelId",
      ],
      [
        trainingGraph(alice.id, dataset.id, {
          baseModelId: "gemma-2-27b-it",
          hyperparameters: { ...trainingConfig(dataset.id).hyperparameters, maxSequenceLength: 16_384 },
          gpu: { instanceTypeId: "nvidia-a100", gpuCount: 8 },
        }),
        "over_context",
        "hyperparameters.maxSequenceLength",
      ],
      [
        trainingGraph(alice.id, dataset.id, { baseModelId: "meta-llama-3.1-405b-instruct" }),
        "over_gpu_memory",
        "gpu.gpuCount",
      ],
    ];
    for (const [graph, code, field] of cases) {
      const err = await rejection(alice.caller.fineTuning.create({ graph, idempotencyKey: idempotencyKey() }));
      expect(err.code, code).toBe("UNPROCESSABLE_CONTENT");
      const g = graphError(err);
      if (g.kind !== "unprocessable") throw new Error(g.kind);
      expect(
        g.reasons.map((r) => [r.code, r.field]),
        code,
      ).toContainEqual([code, field]);
      expect(err.message).toBe(g.reasons[0]?.message);
    }
    expect(await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.userId, alice.id))).toEqual([]);
  });

  it("refuses with 503 and when to retry once the user's or everyone's live jobs are at the cap", async () => {
    const { alice, dataset } = await aliceWithDataset();
    process.env.TRAINING_MAX_ACTIVE_JOBS_PER_USER = "2";
    const first = await alice.caller.fineTuning.create({
      graph: trainingGraph(alice.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    await alice.caller.fineTuning.create({
      graph: trainingGraph(alice.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    const soonest = new Date(Date.now() + 15 * 60_000);
    await tdb.db.update(trainingJobs).set({ estimatedCompletionAt: soonest }).where(eq(trainingJobs.id, first.id));

    const graph = trainingGraph(alice.id, dataset.id);
    const full = await rejection(alice.caller.fineTuning.create({ graph, idempotencyKey: idempotencyKey() }));
    expect(full.code).toBe("SERVICE_UNAVAILABLE");
    const g = graphError(full);
    if (g.kind !== "unavailable") throw new Error(g.kind);
    expect(g.scope).toBe("user");
    expect(g.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(g.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    await expect(alice.caller.fineTuning.validateGraph({ graph })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });

    // A cancelled job frees its slot.
    await alice.caller.fineTuning.cancel({ id: first.id });
    await expect(alice.caller.fineTuning.validateGraph({ graph })).resolves.toEqual({ ok: true });

    // Everyone's jobs together: Bob is under his own cap but the service is full.
    const bob = await callerFor(tdb.db);
    const bobs = await insertDataset(tdb.db, bob.id);
    const live = (await tdb.db.select({ status: trainingJobs.status }).from(trainingJobs)).filter((r) =>
      ["queued", "initializing", "running", "validating", "saving"].includes(r.status),
    ).length;
    process.env.TRAINING_MAX_ACTIVE_JOBS = String(live);
    const global = graphError(
      await rejection(
        bob.caller.fineTuning.create({ graph: trainingGraph(bob.id, bobs.id), idempotencyKey: idempotencyKey() }),
      ),
    );
    expect(global).toMatchObject({ kind: "unavailable", scope: "global" });
  });

  it("estimates on the server as the configurator does, with the warnings", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const config = trainingConfig(dataset.id, {
      presetId: "aggressive",
      hyperparameters: { ...trainingConfig(dataset.id).hyperparameters, epochs: 20 },
    });
    const [model] = await tdb.db.select().from(models).where(eq(models.id, TRAINABLE_MODEL));
    if (!model || !dataset.stats) throw new Error("fixtures missing");
    const result = await alice.caller.fineTuning.estimate({ config });
    expect(result.estimate).toEqual(
      estimateTraining({ ...config, dataset: datasetSizeFromStats(dataset.stats) }, model),
    );
    expect(result.budget).toBeNull();
    expect(result.warnings.map((w) => w.field)).toContain("hyperparameters.epochs");

    const validating = await insertDataset(tdb.db, alice.id, { status: "validating" });
    await expect(alice.caller.fineTuning.estimate({ config: trainingConfig(validating.id) })).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await expect(
      alice.caller.fineTuning.estimate({ config: trainingConfig(crypto.randomUUID()) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      alice.caller.fineTuning.estimate({ config: trainingConfig(dataset.id, { baseModelId: "gpt-4o" }) }),
    ).rejects.toMatchObject({
      code: "UNPROCESSABLE_CONTENT",
    });
    await expect(
      alice.caller.fineTuning.estimate({
        config: { ...config, hyperparameters: { ...config.hyperparameters, batchSize: 0 } },
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("serves metrics since a step, logs by cursor and checkpoints with the best marked, as the training records them", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const { id } = await alice.caller.fineTuning.create({
      graph: trainingGraph(alice.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    expect((await submitTrainingJob(tdb.db, id)).go).toBe(true);
    const polled = await pollTrainingJob(tdb.db, id, INITIAL_CURSOR);
    expect(polled).toMatchObject({ phase: "completed", status: "saving", done: true });

    const { points } = await alice.caller.fineTuning.metrics({ id });
    expect(points.length).toBeGreaterThan(100);
    expect(points.map((p) => p.step)).toEqual([...points.map((p) => p.step)].sort((a, b) => a - b));
    expect(points[0]).toEqual({
      step: expect.any(Number),
      epoch: 1,
      trainingLoss: expect.any(Number),
      validationLoss: null,
      learningRate: expect.any(Number),
      gradientNorm: expect.any(Number),
      throughput: expect.any(Number),
      gpuUtilization: expect.any(Number),
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(points.some((p) => p.validationLoss !== null)).toBe(true);
    const mid = points[Math.floor(points.length / 2)]!.step;
    const since = (await alice.caller.fineTuning.metrics({ id, afterStep: mid })).points;
    expect(since[0]?.step).toBeGreaterThan(mid);
    expect(since).toEqual(points.filter((p) => p.step > mid));

    const lines: number[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const got: Awaited<ReturnType<typeof alice.caller.fineTuning.logs>> = await alice.caller.fineTuning.logs({
        id,
        cursor,
      });
      lines.push(...got.items.map((l) => l.id));
      cursor = got.nextCursor;
      if (!got.hasMore) break;
    }
    expect(lines.length).toBeGreaterThan(10);
    expect(lines).toEqual(lines.map((_, i) => i));
    const tail = await alice.caller.fineTuning.logs({ id, cursor });
    expect(tail).toEqual({ items: [], nextCursor: cursor, hasMore: false });
    await expect(alice.caller.fineTuning.logs({ id, cursor: "-1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { items } = await alice.caller.fineTuning.checkpoints({ id });
    const epochs = trainingConfig(dataset.id).hyperparameters.epochs;
    expect(items).toHaveLength(epochs);
    expect(items.filter((c) => c.best)).toHaveLength(1);
    const best = items.find((c) => c.best)!;
    expect(best.validationLoss).toBe(Math.min(...items.map((c) => c.validationLoss ?? Number.POSITIVE_INFINITY)));
    expect(items.at(-1)?.final).toBe(true);

    // A retried poll with the same cursor records nothing twice.
    const before = await Promise.all([
      alice.caller.fineTuning.metrics({ id }),
      alice.caller.fineTuning.checkpoints({ id }),
    ]);
    const { trainingProvider } = await import("@/server/providers/training");
    const row = await rowOf(id);
    await recordTrainingUpdate(tdb.db, id, await trainingProvider().poll(row.providerJobId ?? "", INITIAL_CURSOR));
    const after = await Promise.all([
      alice.caller.fineTuning.metrics({ id }),
      alice.caller.fineTuning.checkpoints({ id }),
    ]);
    expect(after).toEqual(before);
    const detail = await alice.caller.fineTuning.byId({ id });
    expect(detail.events.map((e) => `${e.fromStatus}>${e.toStatus}`)).toEqual([
      "null>queued",
      "queued>queued",
      "queued>initializing",
      "initializing>running",
      "running>validating",
      "validating>saving",
    ]);
    expect(detail).toMatchObject({ status: "saving", stage: "saving", progress: 100, currentStep: detail.totalSteps });
    expect(detail.currentMetrics?.step).toBe(points.at(-1)?.step);
  });

  it("cancels a live job once: cancelled at once, nothing billed before hardware, the cancel event queued", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const { id } = await alice.caller.fineTuning.create({
      graph: trainingGraph(alice.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    kicks.n = 0;
    await expect(alice.caller.fineTuning.cancel({ id })).resolves.toEqual({ id, status: "cancelled" });
    expect(kicks.n).toBe(1);
    const again = await rejection(alice.caller.fineTuning.cancel({ id }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toBe("Cannot cancel a job that is cancelled.");
    expect(await rowOf(id)).toMatchObject({
      status: "cancelled",
      stage: "queued",
      costSoFarCents: 0,
      finalCostCents: 0,
    });
    expect((await outboxFor(id)).map((e) => e.name)).toEqual([
      "radium/training.requested",
      "radium/training.cancel.requested",
    ]);
    // The training function, arriving late, submits nothing.
    expect(await submitTrainingJob(tdb.db, id)).toMatchObject({ go: false, status: "cancelled" });
    expect((await rowOf(id)).providerJobId).toBeNull();
  });

  it("lists the caller's jobs newest first, by status, a page at a time", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (
          await alice.caller.fineTuning.create({
            graph: trainingGraph(alice.id, dataset.id),
            idempotencyKey: idempotencyKey(),
          })
        ).id,
      );
    }
    await alice.caller.fineTuning.cancel({ id: ids[0]! });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await alice.caller.fineTuning.list({
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    expect((await alice.caller.fineTuning.list({ status: "cancelled" })).items.map((j) => j.id)).toEqual([ids[0]]);
    const { items } = await alice.caller.fineTuning.list({ status: "queued", limit: 1 });
    expect(items).toEqual([
      {
        id: ids[4],
        name: `Llama 3.1 8B Instruct · ${dataset.name}`,
        status: "queued",
        stage: "queued",
        progress: 0,
        model: { id: TRAINABLE_MODEL, name: "Llama 3.1 8B Instruct" },
        dataset: { id: dataset.id, name: dataset.name },
        costSoFarCents: 0,
        estimatedTotalCents: (await rowOf(ids[4]!)).estimatedTotalCents,
        createdAt: (await rowOf(ids[4]!)).createdAt,
      },
    ]);
    await expect(alice.caller.fineTuning.list({ cursor: "bogus" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a second user can neither read nor change the first user's jobs, nor train on their dataset", async () => {
    const { alice, dataset } = await aliceWithDataset();
    const { id } = await alice.caller.fineTuning.create({
      graph: trainingGraph(alice.id, dataset.id),
      idempotencyKey: idempotencyKey(),
    });
    await submitTrainingJob(tdb.db, id);
    await pollTrainingJob(tdb.db, id, INITIAL_CURSOR);
    const before = await rowOf(id);
    const bob = await callerFor(tdb.db);

    expect((await bob.caller.fineTuning.list()).items).toEqual([]);
    expect((await bob.caller.fineTuning.list({ status: "saving" })).items).toEqual([]);
    for (const call of [
      () => bob.caller.fineTuning.byId({ id }),
      () => bob.caller.fineTuning.metrics({ id }),
      () => bob.caller.fineTuning.logs({ id }),
      () => bob.caller.fineTuning.checkpoints({ id }),
      () => bob.caller.fineTuning.cancel({ id }),
    ]) {
      expect((await rejection(call())).code).toBe("NOT_FOUND");
    }
    await expect(bob.caller.fineTuning.estimate({ config: trainingConfig(dataset.id) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Alice's graph, as is: made for another user.
    const aliceGraph = trainingGraph(alice.id, dataset.id);
    expect(
      graphError(await rejection(bob.caller.fineTuning.create({ graph: aliceGraph, idempotencyKey: idempotencyKey() })))
        .kind,
    ).toBe("unauthorized");
    expect(graphError(await rejection(bob.caller.fineTuning.validateGraph({ graph: aliceGraph }))).kind).toBe(
      "unauthorized",
    );
    // His own graph on her dataset: no such dataset of his.
    const onHers = graphError(
      await rejection(
        bob.caller.fineTuning.create({ graph: trainingGraph(bob.id, dataset.id), idempotencyKey: idempotencyKey() }),
      ),
    );
    expect(onHers).toMatchObject({
      kind: "unprocessable",
      reasons: [expect.objectContaining({ code: "dataset_not_found" })],
    });

    expect(await rowOf(id)).toEqual(before);
    expect(await tdb.db.select().from(trainingJobs).where(eq(trainingJobs.userId, bob.id))).toEqual([]);
    const events = await tdb.db.select().from(trainingEvents).where(eq(trainingEvents.jobId, id));
    expect(events.map((e) => e.step)).not.toContain("cancel_requested");
    expect(await tdb.db.select().from(notifications).where(eq(notifications.userId, bob.id))).toEqual([]);
  });

  it("refuses callers without a session", async () => {
    const anon = anonymousCaller(tdb.db);
    const id = crypto.randomUUID();
    for (const call of [
      () => anon.fineTuning.estimate({ config: trainingConfig(id) }),
      () => anon.fineTuning.validateGraph({ graph: {} }),
      () => anon.fineTuning.create({ graph: {}, idempotencyKey: idempotencyKey() }),
      () => anon.fineTuning.list(),
      () => anon.fineTuning.byId({ id }),
      () => anon.fineTuning.metrics({ id }),
      () => anon.fineTuning.logs({ id }),
      () => anon.fineTuning.checkpoints({ id }),
      () => anon.fineTuning.cancel({ id }),
      () => anon.me(),
    ]) {
      expect((await rejection(call())).code).toBe("UNAUTHORIZED");
    }
    const alice = await callerFor(tdb.db, "Alice");
    await expect(alice.caller.me()).resolves.toEqual({ id: alice.id, name: "Alice", email: `${alice.id}@example.com` });
  });
});
