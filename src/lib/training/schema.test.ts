import { zodResolver } from "@hookform/resolvers/zod";
import { describe, expect, it } from "vitest";
import { defaultTrainingConfig, TRAINING_GPU_TYPES, type TrainingConfig, trainingConfigSchema } from "./schema";

const valid: TrainingConfig = {
  ...defaultTrainingConfig,
  datasetId: "ds-1",
  baseModelId: "meta-llama-3.1-8b-instruct",
};

function withHyper(patch: Partial<Record<keyof TrainingConfig["hyperparameters"], unknown>>): unknown {
  return { ...valid, hyperparameters: { ...valid.hyperparameters, ...patch } };
}

/** [path, message] of each issue, as the configurator shows them next to their fields. */
function issues(input: unknown): [string, string][] {
  const r = trainingConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => [i.path.join("."), i.message]);
}

describe("trainingConfigSchema", () => {
  it("accepts the default configuration once given a dataset and a model, unchanged", () => {
    expect(trainingConfigSchema.parse(valid)).toEqual(valid);
    expect(issues(defaultTrainingConfig)).toEqual([
      ["datasetId", "Choose a dataset."],
      ["baseModelId", "Choose a base model."],
    ]);
  });

  it.each([
    ["learningRate", 0, "Learning rate must be at least 0.000001."],
    ["learningRate", 0.02, "Learning rate must be at most 0.01."],
    ["learningRate", Number.NaN, "Learning rate must be a number."],
    ["batchSize", 0, "Batch size must be at least 1."],
    ["batchSize", 257, "Batch size must be at most 256."],
    ["batchSize", 4.5, "Batch size must be a whole number."],
    ["epochs", 0, "Epochs must be at least 1."],
    ["epochs", 51, "Epochs must be at most 50."],
    ["loraRank", 0, "LoRA rank must be at least 1."],
    ["loraRank", 512, "LoRA rank must be at most 256."],
    ["loraAlpha", 2048, "LoRA alpha must be at most 1024."],
    ["loraAlpha", "16", "LoRA alpha must be a number."],
    ["loraDropout", -0.1, "LoRA dropout must be at least 0."],
    ["loraDropout", 0.6, "LoRA dropout must be at most 0.5."],
    ["warmupRatio", 0.9, "Warm-up ratio must be at most 0.5."],
    ["maxSequenceLength", 64, "Max sequence length must be at least 128."],
    ["maxSequenceLength", 262_144, "Max sequence length must be at most 131072."],
  ] as const)("refuses %s = %s", (field, value, message) => {
    expect(issues(withHyper({ [field]: value }))).toEqual([[`hyperparameters.${field}`, message]]);
  });

  it("accepts the bounds themselves", () => {
    const low = {
      learningRate: 0.000001,
      batchSize: 1,
      epochs: 1,
      loraRank: 1,
      loraAlpha: 1,
      loraDropout: 0,
      warmupRatio: 0,
      maxSequenceLength: 128,
    };
    const high = {
      learningRate: 0.01,
      batchSize: 256,
      epochs: 50,
      loraRank: 256,
      loraAlpha: 1024,
      loraDropout: 0.5,
      warmupRatio: 0.5,
      maxSequenceLength: 131_072,
    };
    expect(issues(withHyper(low))).toEqual([]);
    expect(issues(withHyper(high))).toEqual([]);
  });

  it("trains on GPU types only, in the counts each type comes in", () => {
    const gpu = (instanceTypeId: string, gpuCount: number) => issues({ ...valid, gpu: { instanceTypeId, gpuCount } });
    expect(gpu("nvidia-h100", 8)).toEqual([]);
    expect(gpu("nvidia-l4", 3)).toEqual([["gpu.gpuCount", "NVIDIA L4 comes with 1, 2, 4 or 8 GPUs."]]);
    expect(gpu("intel-spr-x4", 1)).toEqual([["gpu.instanceTypeId", "Choose a GPU type from the list."]]);
    expect(gpu("nvidia-x9", 1)).toEqual([["gpu.instanceTypeId", "Choose a GPU type from the list."]]);
    expect(gpu("nvidia-a100", 0)).toEqual([["gpu.gpuCount", "GPU count must be at least 1."]]);
    expect(TRAINING_GPU_TYPES.map((t) => t.id)).toEqual([
      "nvidia-t4",
      "nvidia-l4",
      "nvidia-a10g",
      "nvidia-l40s",
      "nvidia-a100",
      "nvidia-h100",
      "nvidia-h200",
      "nvidia-b200",
    ]);
  });

  it("checks preset, quantisation and ids", () => {
    expect(issues({ ...valid, presetId: "extreme" })).toEqual([
      ["presetId", "Choose a preset: Conservative, Balanced, Aggressive or Custom."],
    ]);
    expect(issues({ ...valid, quantization: "2bit" })).toEqual([
      ["quantization", "Choose a quantisation: 4, 8, 16 or 32 bits."],
    ]);
    expect(issues({ ...valid, datasetId: "   " })).toEqual([["datasetId", "Choose a dataset."]]);
    expect(issues({ ...valid, baseModelId: "a".repeat(201) })).toEqual([["baseModelId", "Model id is too long."]]);
    expect(issues({ ...valid, datasetId: "ds\u0000" })).toEqual([
      ["datasetId", "Text must not contain NUL characters."],
    ]);
  });

  it("works with react-hook-form's zodResolver: errors mirror the form's shape, values are the output", async () => {
    const resolver = zodResolver(trainingConfigSchema);
    const options = { fields: {}, shouldUseNativeValidation: false } as const;
    const bad = await resolver(
      {
        ...valid,
        datasetId: "",
        hyperparameters: { ...valid.hyperparameters, epochs: Number.NaN },
        gpu: { instanceTypeId: "nvidia-l4", gpuCount: 3 },
      },
      undefined,
      options,
    );
    expect(bad.values).toEqual({});
    expect(bad.errors.datasetId?.message).toBe("Choose a dataset.");
    expect(bad.errors.hyperparameters?.epochs?.message).toBe("Epochs must be a number.");
    expect(bad.errors.gpu?.gpuCount?.message).toBe("NVIDIA L4 comes with 1, 2, 4 or 8 GPUs.");
    const good = await resolver(valid, undefined, options);
    expect(good.errors).toEqual({});
    expect(good.values).toEqual(valid);
  });
});
