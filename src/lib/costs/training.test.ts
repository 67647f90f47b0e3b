import { describe, expect, it } from "vitest";
import { costSoFar, type TrainingEstimate } from "@/lib/pricing/training";
import { chunkSteps, trainingLines } from "./training";
import { centsToMicro } from "./types";

const estimate: TrainingEstimate = {
  tokensPerSecond: 1000,
  trainTokensPerEpoch: 100_000,
  validationTokensPerEpoch: 10_000,
  stepsPerEpoch: 50,
  totalSteps: 100,
  setupSeconds: 300,
  trainingSeconds: 3600,
  durationSeconds: 3900,
  checkpoints: 2,
  adapterBytes: 80_000_000,
  storageBytes: 240_000_000,
  hourlyMills: 2500,
  computeCents: 271,
  storageCents: 1,
  totalCents: 272,
  lines: [],
};
const job = { id: "00000000-0000-4000-8000-0000000000bb", estimate, hardware: true };
const at = new Date("2026-12-02T10:00:00Z");
const total = (lines: Array<{ amountMicro: number }>) => lines.reduce((a, l) => a + l.amountMicro, 0);

describe("training accrual per step chunk", () => {
  it("chunks are a twentieth of the steps", () => {
    expect(chunkSteps(100)).toBe(5);
    expect(chunkSteps(7)).toBe(1);
    expect(chunkSteps(0)).toBe(1);
  });

  it("the lines always add up to the job's cost so far, setup in the first chunk", () => {
    for (const steps of [0, 1, 5, 12, 50, 99, 100]) {
      const lines = trainingLines({ ...job, billedSteps: steps }, at);
      expect(total(lines), `${steps} steps`).toBe(centsToMicro(costSoFar(estimate, steps).totalCents));
    }
    expect(trainingLines({ ...job, billedSteps: 0 }, at).map((l) => l.idempotencyKey)).toEqual([`training:${job.id}:0:compute`]);
  });

  it("a re-run at the same step writes the same keys and amounts; more steps only add or grow the last chunk", () => {
    const a = trainingLines({ ...job, billedSteps: 12 }, at);
    expect(trainingLines({ ...job, billedSteps: 12 }, at)).toEqual(a);
    const b = trainingLines({ ...job, billedSteps: 14 }, at);
    expect(b.slice(0, 2)).toEqual(a.slice(0, 2));
    expect(b[2]?.idempotencyKey).toBe(a[2]?.idempotencyKey);
    expect(b[2]?.amountMicro).toBeGreaterThan(a[2]?.amountMicro ?? 0);
  });

  it("adapter storage is its own line in the chunk that finished an epoch, and the delivered one at the end", () => {
    const done = trainingLines({ ...job, billedSteps: 100 }, at);
    const storage = done.filter((l) => l.type === "storage");
    expect(storage.length).toBeGreaterThan(0);
    expect(total(storage)).toBe(centsToMicro(costSoFar(estimate, 100).storageCents));
    expect(total(done)).toBe(centsToMicro(estimate.totalCents));
  });

  it("a job that never reached hardware costs nothing", () => {
    expect(trainingLines({ ...job, hardware: false, billedSteps: 0 }, at)).toEqual([]);
  });
});
