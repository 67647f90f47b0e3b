import { describe, expect, it } from "vitest";
import { CONVERGENCE_RULE, convergenceOf, type QualityPoint, trainingQuality } from "./quality";

/** Training losses at steps 1.., validation losses where given (by index). */
function run(train: number[], val: Record<number, number> = {}): QualityPoint[] {
  return train.map((trainingLoss, i) => ({ step: i + 1, trainingLoss, validationLoss: val[i] ?? null }));
}

describe("trainingQuality", () => {
  it("computes the final losses, perplexity, reduction and overfitting by hand", () => {
    // 10 points: first five average 2.0, last five average 0.5 → reduction 75%.
    const train = [2.2, 1.8, 2.1, 1.9, 2.0, 0.6, 0.4, 0.5, 0.55, 0.45];
    const q = trainingQuality(run(train, { 2: 1.5, 5: 0.8, 9: 0.82 }));
    expect(q.finalTrainingLoss).toBe(0.45);
    expect(q.finalValidationLoss).toBe(0.82);
    expect(q.bestValidationLoss).toBe(0.8);
    expect(q.bestValidationStep).toBe(6);
    expect(q.perplexity).toBeCloseTo(Math.exp(0.82), 12);
    expect(q.lossReduction).toBeCloseTo(0.75, 12);
    expect(q.overfitting).toBeCloseTo(0.025, 12);
    expect(q.convergence).toEqual({
      rating: "excellent",
      label: "Excellent",
      stars: 5,
      reasons: [
        "Training loss fell 75% (2.000 → 0.500).",
        "Validation loss ended 2.5% above its lowest (0.800 → 0.820).",
      ],
    });
  });

  it("reads points in step order whatever order they come in", () => {
    const points = run([3, 2.5, 2, 1.5, 1, 0.9, 0.8, 0.7, 0.6, 0.5], { 9: 0.7 });
    expect(trainingQuality([...points].reverse())).toEqual(trainingQuality(points));
  });

  it("rates overfitting: validation far above its best is poor however far the training loss fell", () => {
    const q = trainingQuality(run([2, 2, 2, 2, 2, 0.2, 0.2, 0.2, 0.2, 0.2], { 4: 0.5, 9: 0.65 }));
    expect(q.lossReduction).toBeCloseTo(0.9, 12);
    expect(q.overfitting).toBeCloseTo(0.3, 12);
    expect(q.convergence.rating).toBe("poor");
    expect(q.convergence.stars).toBe(1);
  });

  it("without validation losses rates the reduction alone and has no perplexity", () => {
    const q = trainingQuality(run([2, 2, 2, 2, 2, 1.3, 1.3, 1.3, 1.3, 1.3]));
    expect(q).toMatchObject({
      finalValidationLoss: null,
      bestValidationLoss: null,
      perplexity: null,
      overfitting: null,
    });
    expect(q.lossReduction).toBeCloseTo(0.35, 12);
    expect(q.convergence.rating).toBe("good");
    expect(q.convergence.reasons[1]).toBe("No validation losses were recorded: overfitting could not be checked.");
  });

  it("smooths over fewer points on a short run, and needs two points to judge", () => {
    expect(trainingQuality(run([2, 1])).lossReduction).toBeCloseTo(0.5, 12);
    // Four points: two at each end.
    expect(trainingQuality(run([2, 4, 1, 2])).lossReduction).toBeCloseTo(0.5, 12);
    const one = trainingQuality(run([2]));
    expect(one.lossReduction).toBeNull();
    expect(one.convergence.rating).toBe("poor");
    expect(trainingQuality([]).convergence).toMatchObject({
      rating: "poor",
      reasons: ["Not enough finite loss values to judge the run."],
    });
  });

  it("ignores losses that are not finite numbers (a diverged step)", () => {
    const points = run([2, 2, Number.NaN, 1, 1, 1], { 3: 1.2, 5: Number.POSITIVE_INFINITY });
    const q = trainingQuality(points);
    expect(q.finalTrainingLoss).toBe(1);
    expect(q.finalValidationLoss).toBe(1.2);
    expect(q.lossReduction).toBeCloseTo(0.5, 12);
  });

  it("a loss that rose is poor", () => {
    const q = trainingQuality(run([1, 1, 2, 2]));
    expect(q.lossReduction).toBeCloseTo(-1, 12);
    expect(q.convergence).toMatchObject({ rating: "poor", reasons: ["Training loss rose 100%.", expect.any(String)] });
  });
});

describe("convergenceOf: the rule's thresholds, inclusive", () => {
  it.each([
    [0.5, 0.03, "excellent"],
    [0.5, 0.031, "good"],
    [0.499, 0, "good"],
    [0.3, 0.1, "good"],
    [0.3, 0.11, "fair"],
    [0.29, 0, "fair"],
    [0.1, 0.25, "fair"],
    [0.1, 0.26, "poor"],
    [0.09, 0, "poor"],
    [0.9, null, "excellent"],
    [0.2, null, "fair"],
    [Number.NaN, 0, "poor"],
    [0.9, Number.POSITIVE_INFINITY, "poor"],
  ] as const)("reduction %s, overfitting %s → %s", (reduction, overfitting, rating) => {
    expect(convergenceOf(reduction, overfitting).rating).toBe(rating);
  });

  it("the rule users read names the same thresholds", () => {
    expect(CONVERGENCE_RULE.split("\n")).toEqual([
      "Reduction: how much the training loss fell, from the average of the first 5 recorded steps to the average of the last 5 (half the steps each on runs of fewer than 10).",
      "Overfitting: how far the final validation loss ended above the lowest validation loss of the run.",
      "Excellent: reduction of at least 50% and overfitting of at most 3%.",
      "Good: reduction of at least 30% and overfitting of at most 10%.",
      "Fair: reduction of at least 10% and overfitting of at most 25%.",
      "Poor: anything less, or a loss that is not a finite number. Without validation losses only the reduction counts.",
    ]);
  });
});
