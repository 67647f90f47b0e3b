import { describe, expect, it } from "vitest";
import { applyPreset, NAMED_PRESET_IDS } from "@/lib/training/presets";
import { defaultTrainingConfig, QUANTIZATIONS, TRAINING_GPU_TYPES } from "@/lib/training/schema";
import { PricingError } from "./price";
import {
  costSoFar,
  datasetSizeFromStats,
  estimateTraining,
  formatTrainingDuration,
  storageCentsPerMonth,
  type TrainingDatasetSize,
  type TrainingEstimateInput,
  tryEstimateTraining,
} from "./training";
import { trainingTokensPerSecond } from "./training-throughput";

// Models at sizes whose ^0.75 is exact, so adapter sizes can be worked out by hand.
const m8 = { parameterCountB: "8" }; // the reference: 2,621,440 LoRA parameters a rank
const m128 = { parameterCountB: "128" }; // 16 × 8 B: 16^0.75 = 8 × the reference a rank
const mHalf = { parameterCountB: "0.5" }; // 8 B / 16: 1/8 of the reference a rank; trains at the 1 B floor

const data1: TrainingDatasetSize = {
  trainExamples: 1000,
  trainTokens: 1_000_000,
  validationExamples: 100,
  validationTokens: 100_000,
};

function input(o: {
  gpu?: [string, number];
  quantization?: TrainingEstimateInput["quantization"];
  epochs?: number;
  batchSize?: number;
  loraRank?: number;
  maxSequenceLength?: number;
  dataset?: TrainingDatasetSize;
}): TrainingEstimateInput {
  return {
    quantization: o.quantization ?? "16bit",
    hyperparameters: {
      epochs: o.epochs ?? 3,
      batchSize: o.batchSize ?? 4,
      loraRank: o.loraRank ?? 8,
      maxSequenceLength: o.maxSequenceLength ?? 2048,
    },
    gpu: { instanceTypeId: o.gpu?.[0] ?? "nvidia-a100", gpuCount: o.gpu?.[1] ?? 1 },
    dataset: o.dataset ?? data1,
  };
}

describe("throughput: TFLOPS × 35% × GPUs × scaling × quantisation ÷ (6 × parameters)", () => {
  it.each([
    // 312 × 35 × 1 × 100 × 100 / (6 × 8,000) = 2,275
    ["nvidia-a100", 1, 8000, "16bit", 2275],
    // 312 × 35 × 2 × 95 × 50 / 48,000 = 2,161.25
    ["nvidia-a100", 2, 8000, "32bit", 2161],
    // 989 × 35 × 8 × 85 × 75 / (6 × 128,000) = 2,298.65
    ["nvidia-h100", 8, 128_000, "4bit", 2298],
    // 65 × 35 × 100 × 100 / (6 × 1,000): a 0.5 B model trains at the 1 B floor = 3,791.67
    ["nvidia-t4", 1, 500, "16bit", 3791],
    // 2,250 × 35 × 4 × 90 × 75 / (6 × 70,600) = 2,126,250,000 / 423,600 = 5,019.48
    ["nvidia-b200", 4, 70_600, "8bit", 5019],
  ] as const)("%s × %i, %i milli-B, %s → %i tokens/s", (type, n, milliB, q, expected) => {
    expect(trainingTokensPerSecond(type, n, milliB, q)).toBe(expected);
  });

  it("no figure for CPUs or a count without a scaling figure", () => {
    expect(trainingTokensPerSecond("intel-spr-x4", 1, 8000, "16bit")).toBeNull();
    expect(trainingTokensPerSecond("nvidia-a100", 3, 8000, "16bit")).toBeNull();
  });

  it("has a figure for every GPU a job can train on", () => {
    for (const t of TRAINING_GPU_TYPES) {
      for (const s of t.sizes) expect(trainingTokensPerSecond(t.id, s.gpuCount, 8000, "16bit")).toBeGreaterThan(0);
    }
  });
});

describe("estimateTraining: hand-computed cases", () => {
  it("1. 8 B on one A100, 3 epochs of 1 M tokens + 100 k validation", () => {
    const e = estimateTraining(input({}), m8);
    expect(e.tokensPerSecond).toBe(2275);
    expect(e.trainTokensPerEpoch).toBe(1_000_000); // under 1,000 × 2,048
    expect(e.validationTokensPerEpoch).toBe(100_000);
    // 3 × (3 × 1,000,000 + 100,000) / (3 × 2,275) = 9,300,000 / 6,825 = 1,362.6 → 1,363 s
    expect(e.trainingSeconds).toBe(1363);
    expect(e.durationSeconds).toBe(1663); // + 300 s setup
    expect(e.stepsPerEpoch).toBe(250); // 1,000 / 4
    expect(e.totalSteps).toBe(750);
    expect(e.hourlyMills).toBe(2500);
    // $2.50/h × 1,663 s: 2,500 × 1,663 / 36,000 = 115.49 → 115¢
    expect(e.computeCents).toBe(115);
    // rank 8 × 2,621,440 = 20,971,520 parameters × 2 B = 41,943,040 B; 4 adapters (3 epochs + delivered)
    expect(e.adapterBytes).toBe(41_943_040);
    expect(e.checkpoints).toBe(3);
    expect(e.storageBytes).toBe(167_772_160);
    expect(e.storageCents).toBe(0); // 0.168 GB × 2.3¢ = 0.39¢
    expect(e.totalCents).toBe(115);
    expect(e.lines).toEqual([
      { id: "compute", label: "Compute: 1 × NVIDIA A100 80GB", detail: "$2.50/h × 28 min", cents: 115 },
      { id: "storage", label: "Storage (first month)", detail: "4 adapters × 42 MB at $0.023/GB-month", cents: 0 },
    ]);
  });

  it("2. 128 B in 4 bits on 8 × H100, examples cut at 512 tokens", () => {
    const e = estimateTraining(
      input({
        gpu: ["nvidia-h100", 8],
        quantization: "4bit",
        epochs: 2,
        batchSize: 16,
        loraRank: 32,
        maxSequenceLength: 512,
        dataset: { trainExamples: 10_000, trainTokens: 8_000_000, validationExamples: 500, validationTokens: 200_000 },
      }),
      m128,
    );
    expect(e.tokensPerSecond).toBe(2298);
    expect(e.trainTokensPerEpoch).toBe(5_120_000); // 10,000 × 512 < 8,000,000
    expect(e.validationTokensPerEpoch).toBe(200_000); // < 500 × 512
    // 2 × (15,360,000 + 200,000) / 6,894 = 4,514.07 → 4,515 s, + 300
    expect(e.durationSeconds).toBe(4815);
    expect(e.computeCents).toBe(4815); // $36.00/h × 4,815 s = $48.15
    // 32 × 2,621,440 × 8 = 671,088,640 parameters → 1,342,177,280 B; × 3 × 2.3¢/GB = 9.26¢
    expect(e.adapterBytes).toBe(1_342_177_280);
    expect(e.storageCents).toBe(9);
    expect(e.totalCents).toBe(4824);
    expect(e.totalSteps).toBe(1250); // 625 a epoch
    expect(e.lines.map((l) => l.detail)).toEqual(["$36.00/h × 1 h 21 min", "3 adapters × 1.3 GB at $0.023/GB-month"]);
  });

  it("3. a tiny dataset on a T4: a second of training, setup dominates", () => {
    const e = estimateTraining(
      input({
        gpu: ["nvidia-t4", 1],
        epochs: 1,
        batchSize: 8,
        dataset: { trainExamples: 3, trainTokens: 600, validationExamples: 0, validationTokens: 0 },
      }),
      mHalf,
    );
    expect(e.tokensPerSecond).toBe(3791);
    expect(e.trainingSeconds).toBe(1); // 1,800 / 11,373 rounded up
    expect(e.durationSeconds).toBe(301);
    expect(e.computeCents).toBe(4); // 500 × 301 / 36,000 = 4.18
    expect(e.adapterBytes).toBe(5_242_880); // 8 × 327,680 × 2
    expect(e.stepsPerEpoch).toBe(1);
    expect(e.lines[0]!.detail).toBe("$0.50/h × 6 min");
    expect(e.lines[1]!.detail).toBe("2 adapters × 5 MB at $0.023/GB-month");
  });

  it("4. 32 bits on 2 × A100: 2,161 tokens/s, 3,100,000 / 6,483 → 479 s + 300; $5.00/h → 108¢", () => {
    const e = estimateTraining(input({ gpu: ["nvidia-a100", 2], quantization: "32bit", epochs: 1 }), m8);
    expect(e.durationSeconds).toBe(779);
    expect(e.computeCents).toBe(108);
  });

  it("each preset on the default GPUs costs more than the last (more epochs, larger batches and ranks)", () => {
    const cost = (id: (typeof NAMED_PRESET_IDS)[number]) => {
      const c = applyPreset(defaultTrainingConfig, id);
      return estimateTraining({ ...c, dataset: data1 }, m8).totalCents;
    };
    const [a, b, c] = NAMED_PRESET_IDS.map(cost);
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
  });

  it("refuses what cannot be estimated; tryEstimateTraining returns null for drafts", () => {
    expect(() => estimateTraining(input({ gpu: ["intel-spr-x4", 0] }), m8)).toThrow(PricingError);
    expect(() => estimateTraining(input({ gpu: ["nvidia-l4", 3] }), m8)).toThrow(/NVIDIA L4 has no size with 3 GPUs/);
    expect(() => estimateTraining(input({}), { parameterCountB: null })).toThrow(/not disclosed/);
    expect(tryEstimateTraining(input({ epochs: Number.NaN }), m8)).toBeNull();
    expect(tryEstimateTraining(input({ batchSize: 0 }), m8)).toBeNull();
    expect(tryEstimateTraining(input({ dataset: { ...data1, trainTokens: 1.5 } }), m8)).toBeNull();
    expect(tryEstimateTraining(input({}), null)).toBeNull();
    expect(tryEstimateTraining(input({}), m8)?.totalCents).toBe(115);
  });
});

describe("costSoFar: only completed steps are billed", () => {
  it("case 1 halfway (375 of 750): 300 + 1,363 / 2 = 981.5 → 982 s; 2,500 × 982 / 36,000 = 68.19 → 68¢", () => {
    const e = estimateTraining(input({}), m8);
    expect(costSoFar(e, 375)).toEqual({ billedSeconds: 982, computeCents: 68, storageCents: 0, totalCents: 68 });
  });

  it("case 2 after one epoch (625 of 1,250): 300 + 4,515 / 2 = 2,557.5 → 2,558 s at $36/h = 2,558¢; one adapter 3¢", () => {
    const e = estimateTraining(
      input({
        gpu: ["nvidia-h100", 8],
        quantization: "4bit",
        epochs: 2,
        batchSize: 16,
        loraRank: 32,
        maxSequenceLength: 512,
        dataset: { trainExamples: 10_000, trainTokens: 8_000_000, validationExamples: 500, validationTokens: 200_000 },
      }),
      m128,
    );
    expect(costSoFar(e, 625)).toEqual({ billedSeconds: 2558, computeCents: 2558, storageCents: 3, totalCents: 2561 });
    expect(costSoFar(e, 0)).toEqual({ billedSeconds: 300, computeCents: 300, storageCents: 0, totalCents: 300 }); // setup
    expect(costSoFar(e, 1250)).toEqual({ billedSeconds: 4815, computeCents: 4815, storageCents: 9, totalCents: 4824 });
    expect(costSoFar(e, 5000)).toEqual(costSoFar(e, 1250));
    expect(costSoFar(e, -3)).toEqual(costSoFar(e, 0));
  });
});

describe("helpers", () => {
  it("splits a dataset's tokens between its splits by examples", () => {
    expect(
      datasetSizeFromStats({ examples: 1100, trainExamples: 1000, validationExamples: 100, totalTokens: 1_100_000 }),
    ).toEqual(data1);
    expect(datasetSizeFromStats({ examples: 3, trainExamples: 2, validationExamples: 1, totalTokens: 100 })).toEqual({
      trainExamples: 2,
      trainTokens: 67,
      validationExamples: 1,
      validationTokens: 33,
    });
    expect(
      datasetSizeFromStats({ examples: 0, trainExamples: 0, validationExamples: 0, totalTokens: 0 }).trainTokens,
    ).toBe(0);
  });

  it.each([
    [45, "45 s"],
    [60, "1 min"],
    [301, "6 min"],
    [3600, "1 h"],
    [4815, "1 h 21 min"],
  ])("formatTrainingDuration(%i) = %s", (s, text) => expect(formatTrainingDuration(s)).toBe(text));

  it("storage: $0.023 per GB-month", () => {
    expect(storageCentsPerMonth(1e9)).toBe(2); // 2.3
    expect(storageCentsPerMonth(100e9)).toBe(230);
  });
});

// mulberry32: a tiny seeded generator, so a failure reproduces.
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("estimateTraining: properties over random configurations", () => {
  it("lines add up, whole cents, billing never decreases with steps and ends at the estimate", () => {
    const rand = rng(20261203);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    for (let i = 0; i < 500; i++) {
      const type = pick(TRAINING_GPU_TYPES);
      const trainExamples = int(1, 50_000);
      const cfg = input({
        gpu: [type.id, pick(type.sizes).gpuCount],
        quantization: pick(QUANTIZATIONS),
        epochs: int(1, 50),
        batchSize: int(1, 256),
        loraRank: int(1, 256),
        maxSequenceLength: int(128, 131_072),
        dataset: {
          trainExamples,
          trainTokens: trainExamples * int(1, 4000),
          validationExamples: int(0, 5000),
          validationTokens: int(0, 5_000_000),
        },
      });
      const model = pick([m8, mHalf, m128, { parameterCountB: "70.6" }, { parameterCountB: "671" }]);
      const e = estimateTraining(cfg, model);
      const ctx = JSON.stringify({ cfg, model });
      expect(
        e.lines.reduce((t, l) => t + l.cents, 0),
        ctx,
      ).toBe(e.totalCents);
      expect(Number.isSafeInteger(e.totalCents), ctx).toBe(true);
      let last = -1;
      for (const step of [
        0,
        1,
        Math.floor(e.totalSteps / 3),
        Math.floor(e.totalSteps / 2),
        e.totalSteps - 1,
        e.totalSteps,
      ]) {
        const c = costSoFar(e, step);
        expect(c.totalCents, ctx).toBeGreaterThanOrEqual(last);
        last = c.totalCents;
      }
      expect(costSoFar(e, e.totalSteps).totalCents).toBe(e.totalCents);
      // One more epoch never makes it cheaper or shorter.
      const more = estimateTraining(
        { ...cfg, hyperparameters: { ...cfg.hyperparameters, epochs: cfg.hyperparameters.epochs + 1 } },
        model,
      );
      expect(more.durationSeconds).toBeGreaterThanOrEqual(e.durationSeconds);
      expect(more.totalCents).toBeGreaterThanOrEqual(e.totalCents);
    }
  });
});
