import { describe, expect, it } from "vitest";
import { applyPreset, isPresetId, NAMED_PRESET_IDS, PRESET_IDS, PRESET_LABELS, PRESETS, presetFor } from "./presets";
import { defaultTrainingConfig, type TrainingConfig, trainingConfigSchema } from "./schema";

const config: TrainingConfig = {
  ...defaultTrainingConfig,
  datasetId: "ds-1",
  baseModelId: "meta-llama-3.1-8b-instruct",
};

describe("presets", () => {
  // Seed 003, Section 3, HYPERPARAMETER_PRESETS, copied by hand (numEpochs is our epochs).
  it.each([
    ["conservative", { learningRate: 0.0001, batchSize: 4, epochs: 3, loraRank: 8, loraAlpha: 16, loraDropout: 0.05 }],
    ["balanced", { learningRate: 0.0002, batchSize: 8, epochs: 5, loraRank: 16, loraAlpha: 32, loraDropout: 0.1 }],
    ["aggressive", { learningRate: 0.0003, batchSize: 16, epochs: 10, loraRank: 32, loraAlpha: 64, loraDropout: 0.1 }],
  ] as const)("%s has the seed's exact values", (id, values) => {
    expect(PRESETS[id].values).toEqual(values);
    expect(PRESETS[id].id).toBe(id);
  });

  it("ids and labels: three named presets and Custom", () => {
    expect(PRESET_IDS).toEqual(["conservative", "balanced", "aggressive", "custom"]);
    expect(NAMED_PRESET_IDS).toEqual(["conservative", "balanced", "aggressive"]);
    expect(PRESET_IDS.map((id) => PRESET_LABELS[id])).toEqual(["Conservative", "Balanced", "Aggressive", "Custom"]);
    expect(isPresetId("balanced")).toBe(true);
    expect(isPresetId("extreme")).toBe(false);
  });

  it("a preset overwrites its six fields and nothing else, and the result is valid", () => {
    const edited: TrainingConfig = {
      ...config,
      presetId: "custom",
      quantization: "4bit",
      hyperparameters: {
        ...config.hyperparameters,
        learningRate: 0.005,
        epochs: 40,
        warmupRatio: 0.1,
        maxSequenceLength: 4096,
      },
      gpu: { instanceTypeId: "nvidia-h100", gpuCount: 2 },
    };
    const next = applyPreset(edited, "aggressive");
    expect(next).toEqual({
      ...edited,
      presetId: "aggressive",
      hyperparameters: {
        learningRate: 0.0003,
        batchSize: 16,
        epochs: 10,
        loraRank: 32,
        loraAlpha: 64,
        loraDropout: 0.1,
        warmupRatio: 0.1,
        maxSequenceLength: 4096,
      },
    });
    expect(trainingConfigSchema.safeParse(next).success).toBe(true);
    expect(edited.hyperparameters.learningRate).toBe(0.005); // not mutated
  });

  it("Custom keeps the values and only changes the id", () => {
    expect(applyPreset(config, "custom")).toEqual({ ...config, presetId: "custom" });
  });

  it("presetFor recognises each preset's values and calls anything else Custom", () => {
    for (const id of NAMED_PRESET_IDS) expect(presetFor(applyPreset(config, id).hyperparameters)).toBe(id);
    expect(presetFor({ ...PRESETS.balanced.values, loraDropout: 0.05 })).toBe("custom");
    expect(presetFor({ ...PRESETS.conservative.values, epochs: 4 })).toBe("custom");
  });

  it("the default configuration starts from Balanced", () => {
    expect(defaultTrainingConfig.presetId).toBe("balanced");
    expect(presetFor(defaultTrainingConfig.hyperparameters)).toBe("balanced");
  });
});
