import { describe, expect, it } from "vitest";
import { applyPreset, NAMED_PRESET_IDS } from "./presets";
import { defaultTrainingConfig, type Hyperparameters, type TrainingConfig } from "./schema";
import { trainingWarnings } from "./warnings";

const base: TrainingConfig = { ...defaultTrainingConfig, datasetId: "ds-1", baseModelId: "meta-llama-3.1-8b-instruct" };
const withHyper = (patch: Partial<Hyperparameters>): TrainingConfig => ({
  ...base,
  presetId: "custom",
  hyperparameters: { ...base.hyperparameters, ...patch },
});
const fields = (config: TrainingConfig, ctx = {}) => trainingWarnings(config, ctx).map((w) => w.field);

describe("trainingWarnings", () => {
  it("has nothing to say about any preset or the default", () => {
    expect(trainingWarnings(base)).toEqual([]);
    for (const id of NAMED_PRESET_IDS) expect(trainingWarnings(applyPreset(base, id))).toEqual([]);
  });

  it.each([
    [{ learningRate: 0.001 }, "hyperparameters.learningRate", /unstable/],
    [{ learningRate: 0.000005 }, "hyperparameters.learningRate", /barely move/],
    [{ batchSize: 128 }, "hyperparameters.batchSize", /few steps per epoch/],
    [{ epochs: 11 }, "hyperparameters.epochs", /overfits/],
    [{ loraRank: 128, loraAlpha: 256 }, "hyperparameters.loraRank", /Ranks above 64/],
    [{ loraRank: 2, loraAlpha: 4 }, "hyperparameters.loraRank", /below 4/],
    [{ loraDropout: 0.4 }, "hyperparameters.loraDropout", /0\.05–0\.1 is typical/],
    [{ warmupRatio: 0.25 }, "hyperparameters.warmupRatio", /20% of the steps/],
    [{ maxSequenceLength: 16_384 }, "hyperparameters.maxSequenceLength", /longer than 8,192 tokens/],
  ] as const)("warns on %o", (patch, field, message) => {
    const warnings = trainingWarnings(withHyper(patch));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.field).toBe(field);
    expect(warnings[0]!.message).toMatch(message);
  });

  it("the thresholds themselves are not extreme", () => {
    const edge = withHyper({
      learningRate: 0.0005,
      batchSize: 64,
      epochs: 10,
      loraRank: 64,
      loraAlpha: 256,
      loraDropout: 0.3,
      warmupRatio: 0.2,
      maxSequenceLength: 8192,
    });
    expect(trainingWarnings(edge)).toEqual([]);
    expect(trainingWarnings(withHyper({ learningRate: 0.00001, loraRank: 4, loraAlpha: 2 }))).toEqual([]);
  });

  it("alpha far from the rank: scaled far up or far down", () => {
    expect(trainingWarnings(withHyper({ loraRank: 8, loraAlpha: 64 }))).toEqual([
      {
        field: "hyperparameters.loraAlpha",
        message: "LoRA alpha is usually 1–2 × the rank; at 8 × the adapter's updates are scaled far up.",
      },
    ]);
    expect(trainingWarnings(withHyper({ loraRank: 32, loraAlpha: 8 }))[0]?.message).toBe(
      "LoRA alpha is usually 1–2 × the rank; at 0.25 × the adapter's updates are scaled far down.",
    );
  });

  it("uses the dataset when given: a batch larger than it, examples cut by the sequence length", () => {
    const dataset = { trainExamples: 6, tokensPerExample: { max: 3000, p90: 1500 } };
    expect(trainingWarnings(withHyper({ batchSize: 8 }), { dataset })).toEqual([
      {
        field: "hyperparameters.batchSize",
        message: "The batch is larger than the dataset's 6 training examples: each epoch is a single step.",
      },
      {
        field: "hyperparameters.maxSequenceLength",
        message: "Some examples are longer than 2,048 tokens (the longest has 3,000): they will be cut.",
      },
    ]);
    expect(trainingWarnings(withHyper({ maxSequenceLength: 1024, batchSize: 4 }), { dataset })[0]?.message).toBe(
      "At least 10% of the examples are longer than 1,024 tokens (the longest has 3,000): they will be cut.",
    );
    expect(fields(withHyper({ maxSequenceLength: 4096, batchSize: 4 }), { dataset })).toEqual([]);
    expect(fields(base, { dataset: null })).toEqual([]);
  });

  it("32-bit weights", () => {
    expect(fields({ ...base, quantization: "32bit" })).toEqual(["quantization"]);
    expect(fields({ ...base, quantization: "4bit" })).toEqual([]);
  });

  it("drafts: a field that is not a number yet gets no warning and does not throw", () => {
    const draft = withHyper({
      learningRate: Number.NaN,
      batchSize: Number.NaN,
      loraRank: Number.NaN,
      maxSequenceLength: Number.NaN,
    });
    expect(trainingWarnings(draft, { dataset: { trainExamples: 3, tokensPerExample: { max: 10, p90: 5 } } })).toEqual(
      [],
    );
  });

  it("reports several at once, in form order", () => {
    expect(fields(withHyper({ learningRate: 0.002, epochs: 20, loraDropout: 0.45 }))).toEqual([
      "hyperparameters.learningRate",
      "hyperparameters.epochs",
      "hyperparameters.loraDropout",
    ]);
  });
});
