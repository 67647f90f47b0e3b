/** The training simulator: deterministic, resumable from a cursor, time-scaled, failing on demand, cancellable. */
import { describe, expect, it } from "vitest";
import { TrainingSimulator } from "@/server/providers/training/simulator";
import {
  INITIAL_CURSOR,
  ProviderError,
  type TrainingCursor,
  type TrainingProvider,
  type TrainingUpdate,
} from "@/server/providers/training/types";
import { datasetFile, jsonl, trainingSpec } from "./training-spec";

const T0 = Date.parse("2026-12-02T10:00:00Z");

function clocked(speed = 1, failureRate = 0) {
  const clock = { now: T0 };
  const sim = new TrainingSimulator({ speed, failureRate, now: () => clock.now });
  return { sim, clock };
}

/** Polls from `cursor` and returns the update; the caller records its items. */
async function pollAll(p: TrainingProvider, id: string, cursor: TrainingCursor = INITIAL_CURSOR): Promise<TrainingUpdate> {
  return p.poll(id, cursor);
}

describe("training simulator", () => {
  it("is deterministic per job: the same id and clock give the same answers, another job differs", async () => {
    const a = clocked();
    const b = clocked();
    const ha = await a.sim.submit(trainingSpec());
    const hb = await b.sim.submit(trainingSpec());
    expect(ha).toEqual(hb);
    expect(ha).toMatchObject({ phase: "queued", providerStatus: "queued" });
    a.clock.now = b.clock.now = T0 + 3 * 60_000;
    const [ua, ub] = await Promise.all([a.sim.poll(ha.providerJobId), b.sim.poll(hb.providerJobId)]);
    expect(ua).toEqual(ub);
    expect(ua.points.length).toBeGreaterThan(10);

    a.clock.now = T0;
    const other = await a.sim.submit(trainingSpec({ jobId: "job_02" }));
    a.clock.now = T0 + 3 * 60_000;
    const uo = await a.sim.poll(other.providerJobId);
    expect(uo.points.length).toBeGreaterThan(10);
    expect(uo.points.map((p) => p.trainingLoss)).not.toEqual(ua.points.slice(0, uo.points.length).map((p) => p.trainingLoss));
  });

  it("walks queued → initializing → running → validating → saving → completed with growing progress", async () => {
    const { sim, clock } = clocked();
    const { providerJobId } = await sim.submit(trainingSpec());
    const first = await sim.poll(providerJobId);
    expect(first).toMatchObject({ phase: "queued", step: 0, epoch: 0, totalEpochs: 5, progress: 0 });
    expect(first.totalSteps).toBe(5 * Math.ceil(360 / 8)); // 400 examples, a tenth held out for validation
    const end = T0 + first.etaSeconds! * 1000;
    const phases: string[] = [];
    let lastProgress = -1;
    for (let t = T0; t <= end + 1000; t += 2000) {
      clock.now = t;
      const u = await sim.poll(providerJobId, { metricsStep: 1e9, logSeq: 1e9, checkpointStep: 1e9 });
      if (phases.at(-1) !== u.phase) phases.push(u.phase);
      expect(u.progress).toBeGreaterThanOrEqual(lastProgress);
      lastProgress = u.progress;
    }
    expect(phases).toEqual(["queued", "initializing", "running", "validating", "saving", "completed"]);
    const done = await sim.poll(providerJobId);
    expect(done).toMatchObject({ phase: "completed", step: first.totalSteps, epoch: 5, progress: 1 });
    expect(done.etaSeconds).toBeUndefined();
  });

  it("returns only what is new after the cursor; polls resumed from cursors add up to one poll of everything", async () => {
    const { sim, clock } = clocked();
    const spec = trainingSpec({ checkpointEverySteps: 20 });
    const { providerJobId } = await sim.submit(spec);
    const { etaSeconds } = await sim.poll(providerJobId);
    const seen = { points: [] as number[], logs: [] as number[], checkpoints: [] as number[] };
    let cursor = INITIAL_CURSOR;
    for (let t = T0; t <= T0 + etaSeconds! * 1000 + 5000; t += 7_919) {
      clock.now = t;
      const u = await pollAll(sim, providerJobId, cursor);
      // A retried step polls again from the same cursor and gets the same items (possibly more).
      const again = await sim.poll(providerJobId, cursor);
      expect(again.points.slice(0, u.points.length)).toEqual(u.points);
      expect(again.logs.slice(0, u.logs.length)).toEqual(u.logs);
      seen.points.push(...u.points.map((p) => p.step));
      seen.logs.push(...u.logs.map((l) => l.seq));
      seen.checkpoints.push(...u.checkpoints.map((c) => c.step));
      cursor = u.cursor;
    }
    const all = await sim.poll(providerJobId);
    expect(all.phase).toBe("completed");
    expect(seen.points).toEqual(all.points.map((p) => p.step));
    expect(seen.logs).toEqual(all.logs.map((l) => l.seq));
    expect(seen.logs).toEqual(all.logs.map((_, i) => i));
    expect(seen.checkpoints).toEqual(all.checkpoints.map((c) => c.step));
    expect(cursor).toEqual({ metricsStep: all.totalSteps, logSeq: all.logs.length, checkpointStep: all.totalSteps });
    // After the end nothing more arrives.
    clock.now += 3_600_000;
    expect(await sim.poll(providerJobId, cursor)).toMatchObject({ points: [], logs: [], checkpoints: [] });

    // Checkpoints: every 20 steps and at each epoch's end, all kept, the last one final.
    const perEpoch = all.totalSteps / 5;
    const expected = Array.from({ length: all.totalSteps }, (_, i) => i + 1).filter((s) => s % 20 === 0 || s % perEpoch === 0);
    expect(all.checkpoints.map((c) => c.step)).toEqual(expected);
    expect(all.checkpoints.filter((c) => c.final).map((c) => c.step)).toEqual([all.totalSteps]);
    expect(all.logs.at(-1)).toMatchObject({ level: "INFO", message: `Training completed: ${all.totalSteps} steps` });
  });

  it("scales every duration by the speed factor (0 = over at submit)", async () => {
    const etaAt = async (speed: number) => {
      const { sim } = clocked(speed);
      const { providerJobId } = await sim.submit(trainingSpec());
      return (await sim.poll(providerJobId)).etaSeconds!;
    };
    const [normal, fast, faster] = [await etaAt(1), await etaAt(0.1), await etaAt(0.01)];
    expect(normal).toBeGreaterThan(120);
    expect(fast).toBeCloseTo(normal / 10, -1);
    expect(faster).toBeGreaterThanOrEqual(Math.floor(normal / 100));
    expect(faster).toBeLessThanOrEqual(Math.ceil(normal / 100) + 1);

    const { sim, clock } = clocked(0.01);
    const { providerJobId } = await sim.submit(trainingSpec());
    clock.now = T0 + faster * 1000 - 2000;
    expect((await sim.poll(providerJobId)).phase).not.toBe("completed");
    clock.now = T0 + faster * 1000;
    expect((await sim.poll(providerJobId)).phase).toBe("completed");

    const instant = clocked(0);
    const handle = await instant.sim.submit(trainingSpec());
    expect(handle.phase).toBe("completed");
    const u = await instant.sim.poll(handle.providerJobId);
    expect(u).toMatchObject({ phase: "completed", progress: 1 });
    expect(u.points.at(-1)!.step).toBe(u.totalSteps);
  });

  it("a job that fails stops at its failure, says why in the status and an ERROR line, and keeps what it had", async () => {
    const { sim, clock } = clocked(1, 1);
    const outcomes = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const { providerJobId } = await sim.submit(trainingSpec({ jobId: `job_fail_${i}` }));
      clock.now = T0 + 24 * 3_600_000;
      const u = await sim.poll(providerJobId);
      clock.now = T0;
      expect(u.phase).toBe("failed");
      expect(u.message).toMatch(/\w+/);
      expect(u.logs.at(-1)).toMatchObject({ level: "ERROR", message: u.message });
      expect(u.step).toBeLessThan(u.totalSteps);
      expect(u.points.every((p) => p.step <= u.step)).toBe(true);
      outcomes.add(u.step === 0 ? "while initializing" : "while training");
      await expect(sim.downloadCheckpoint(providerJobId)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(outcomes).toEqual(new Set(["while initializing", "while training"]));
  });

  it("fails the configured share of jobs, decided per job id", async () => {
    const outcome = async (sim: TrainingSimulator, clock: { now: number }, jobId: string) => {
      clock.now = T0;
      const { providerJobId } = await sim.submit(trainingSpec({ jobId }));
      clock.now = T0 + 24 * 3_600_000;
      return (await sim.poll(providerJobId)).phase;
    };
    const a = clocked(1, 0.5);
    const b = clocked(1, 0.5);
    const ids = Array.from({ length: 40 }, (_, i) => `job_rate_${i}`);
    const first = [];
    for (const id of ids) first.push(await outcome(a.sim, a.clock, id));
    const second = [];
    for (const id of ids) second.push(await outcome(b.sim, b.clock, id));
    expect(second).toEqual(first);
    const failed = first.filter((p) => p === "failed").length;
    expect(failed).toBeGreaterThan(8);
    expect(failed).toBeLessThan(32);
    expect(first.every((p) => p === "failed" || p === "completed")).toBe(true);
    const none = clocked(1, 0);
    expect(await outcome(none.sim, none.clock, ids[first.indexOf("failed")]!)).toBe("completed");
  });

  it("cancels mid-run: steps stop at the cancel, the old id sees it in this process, a finished job stays finished", async () => {
    const { sim, clock } = clocked();
    const { providerJobId } = await sim.submit(trainingSpec());
    const { etaSeconds } = await sim.poll(providerJobId);
    clock.now = T0 + (etaSeconds! * 1000) / 2;
    const before = await sim.poll(providerJobId);
    expect(before.phase).toBe("running");
    const cancelled = await sim.cancel(providerJobId);
    expect(cancelled).toMatchObject({ phase: "cancelled", message: "Cancelled by the user" });
    expect(cancelled.providerJobId).not.toBe(providerJobId);

    clock.now += 3_600_000;
    for (const id of [cancelled.providerJobId, providerJobId]) {
      const u = await sim.poll(id, before.cursor);
      expect(u).toMatchObject({ phase: "cancelled", step: before.step, points: [], checkpoints: [] });
      expect(u.logs.map((l) => l.level)).toEqual(["WARNING"]);
      expect(u.logs[0]!.message).toBe(`Cancelled by the user after ${before.step} of ${before.totalSteps} steps`);
    }
    // Cancelling again changes nothing; the checkpoints saved before the cancel stay downloadable.
    expect(await sim.cancel(cancelled.providerJobId)).toEqual(cancelled);
    const saved = before.checkpoints.length ? before.checkpoints : (await sim.poll(cancelled.providerJobId)).checkpoints;
    expect(saved.length).toBeGreaterThan(0);
    expect(await sim.downloadCheckpoint(cancelled.providerJobId, saved[0]!.step)).toHaveLength(3);

    const other = await sim.submit(trainingSpec({ jobId: "job_done" }));
    clock.now += 3_600_000;
    expect(await sim.cancel(other.providerJobId)).toMatchObject({ phase: "completed", providerJobId: other.providerJobId });
  });

  it("reads the dataset once to size the run, or not at all when its statistics are given", async () => {
    const { sim } = clocked();
    const counted = datasetFile(jsonl(100));
    const sized = await sim.poll((await sim.submit(trainingSpec({ dataset: counted }))).providerJobId);
    expect(counted.reads).toBe(1);
    expect(sized.totalSteps).toBe(5 * Math.ceil(90 / 8));

    const stated = datasetFile(jsonl(1), { examples: 800, tokens: 200_000 });
    const validation = datasetFile(jsonl(50), { fileName: "val.jsonl" });
    const u = await sim.poll((await sim.submit(trainingSpec({ dataset: stated, validationDataset: validation }))).providerJobId);
    expect(stated.reads).toBe(0);
    expect(u.totalSteps).toBe(5 * 100);

    await expect(sim.submit(trainingSpec({ dataset: datasetFile(jsonl(1)) }))).rejects.toMatchObject({
      code: "invalid",
      retryable: false,
      message: "The dataset train.jsonl has too few examples to train on (1)",
    });
    await expect(sim.submit(trainingSpec({ hyperparameters: { epochs: 0 } }))).rejects.toBeInstanceOf(ProviderError);
  });

  it("answers an unknown id with not_found", async () => {
    const { sim } = clocked();
    await expect(sim.poll("ft-not-ours")).rejects.toMatchObject({ code: "not_found", retryable: false });
    await expect(sim.poll("simtrain1_bm90LWpzb24")).rejects.toMatchObject({ code: "not_found" });
  });
});
