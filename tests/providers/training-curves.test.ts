/** The simulator's curves: a decaying noisy training loss, a validation loss that overfits when it should, the schedule. */
import { describe, expect, it } from "vitest";
import { TrainingSimulator } from "@/server/providers/training/simulator";
import type { TrainingMetricsPoint } from "@/server/providers/training/types";
import { datasetFile, jsonl, trainingSpec } from "./training-spec";

/** Every point and log line of a whole run (speed 0: the job is over at submit). */
async function run(overrides: Parameters<typeof trainingSpec>[0]) {
  const sim = new TrainingSimulator({ speed: 0, failureRate: 0, now: () => 0 });
  const { providerJobId } = await sim.submit(trainingSpec(overrides));
  return sim.poll(providerJobId);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Means of `n` consecutive equal slices. */
function windows(points: TrainingMetricsPoint[], n: number, pick: (p: TrainingMetricsPoint) => number): number[] {
  const size = Math.floor(points.length / n);
  return Array.from({ length: n }, (_, i) => mean(points.slice(i * size, (i + 1) * size).map(pick)));
}

const evals = (points: TrainingMetricsPoint[]) => points.filter((p) => p.validationLoss !== undefined);

describe("simulated training curves", () => {
  it("training loss decays from ~2–3 with a few % of noise, never below 0", async () => {
    const u = await run({ jobId: "job_shape", dataset: datasetFile(jsonl(1000)) });
    const points = u.points;
    expect(points.length).toBe(u.totalSteps); // under 1000 steps: a point at every step
    expect(points[0]!.trainingLoss).toBeGreaterThan(1.8);
    expect(points[0]!.trainingLoss).toBeLessThan(3.2);
    expect(points.at(-1)!.trainingLoss).toBeLessThan(points[0]!.trainingLoss * 0.4);
    expect(points.every((p) => p.trainingLoss > 0)).toBe(true);
    // Decreasing on average over tenths of the run…
    const tenths = windows(points, 10, (p) => p.trainingLoss);
    for (let i = 1; i < tenths.length; i++) expect(tenths[i]!).toBeLessThan(tenths[i - 1]! * 1.01);
    // …but noisy step to step: not monotone.
    const ups = points.slice(1).filter((p, i) => p.trainingLoss > points[i]!.trainingLoss).length;
    expect(ups).toBeGreaterThan(points.length / 5);
    // Epochs are 1-based and follow the steps.
    expect(points[0]!.epoch).toBe(1);
    expect(points.at(-1)!.epoch).toBe(5);
  });

  it("overfits with many epochs, a high learning rate and little data: validation bottoms out, then rises", async () => {
    const u = await run({
      jobId: "job_overfit",
      dataset: datasetFile(jsonl(300)),
      hyperparameters: { learningRate: 3e-4, batchSize: 16, epochs: 10, loraRank: 32, loraAlpha: 64, loraDropout: 0.1 },
    });
    const v = evals(u.points);
    expect(v.length).toBeGreaterThanOrEqual(10 * 4);
    const best = v.reduce((a, b) => (b.validationLoss! < a.validationLoss! ? b : a));
    const last = v.at(-1)!;
    expect(best.step).toBeLessThan(u.totalSteps * 0.6);
    expect(last.validationLoss!).toBeGreaterThan(best.validationLoss! * 1.15);
    // Meanwhile training loss kept falling: the gap is memorisation.
    expect(last.trainingLoss).toBeLessThan(u.points.find((p) => p.step === best.step)!.trainingLoss);
    expect(u.logs.filter((l) => l.level === "WARNING").map((l) => l.message)).toEqual([
      expect.stringMatching(/^Validation loss [\d.]+ is above its best, [\d.]+ at step \d+: the adapter may be overfitting$/),
    ]);
  });

  it("does not overfit with few epochs, a low learning rate and plenty of data", async () => {
    const u = await run({
      jobId: "job_generalises",
      dataset: datasetFile(jsonl(4000)),
      hyperparameters: { learningRate: 1e-4, batchSize: 4, epochs: 3, loraRank: 8, loraAlpha: 16, loraDropout: 0.05 },
    });
    const v = evals(u.points);
    const best = Math.min(...v.map((p) => p.validationLoss!));
    expect(v.at(-1)!.validationLoss!).toBeLessThan(best * 1.03);
    expect(v.at(-1)!.validationLoss!).toBeLessThan(v[0]!.validationLoss! * 0.6);
    expect(u.logs.some((l) => l.level === "WARNING")).toBe(false);
    // Above 1000 steps, points are thinned to about 1000 (evaluations always kept).
    expect(u.totalSteps).toBeGreaterThan(2000);
    expect(u.points.length).toBeLessThan(1100);
  });

  it("warms the learning rate up linearly, then decays it along a cosine to ~0; reports grad norm, throughput, GPU use", async () => {
    const u = await run({ jobId: "job_lr", hyperparameters: { warmupRatio: 0.1 } });
    const warmup = Math.round(0.1 * u.totalSteps);
    const lr = (step: number) => u.points.find((p) => p.step === step)!.learningRate;
    expect(lr(1)).toBeCloseTo(2e-4 / warmup, 12);
    expect(lr(warmup)).toBeCloseTo(2e-4, 12);
    expect(lr(Math.round((warmup + u.totalSteps) / 2))).toBeCloseTo(1e-4, 5);
    expect(lr(u.totalSteps)).toBeLessThan(1e-9);
    for (let s = warmup + 1; s < u.totalSteps; s++) expect(lr(s + 1)).toBeLessThanOrEqual(lr(s));
    for (const p of u.points) {
      expect(p.gradNorm).toBeGreaterThan(0);
      expect(p.throughput).toBeGreaterThan(0);
      expect(p.gpuUtilization).toBeGreaterThan(50);
      expect(p.gpuUtilization).toBeLessThanOrEqual(100);
    }
    const grad = windows(u.points, 4, (p) => p.gradNorm!);
    expect(grad[3]!).toBeLessThan(grad[0]!);
  });
});
