import { describe, expect, it } from "vitest";
import { defaultTrainingConfig } from "@/lib/training/schema";
import {
  clearTrainingDraft,
  fromDraft,
  initialConfig,
  loadTrainingDraft,
  saveTrainingDraft,
  TRAINING_DRAFT_KEY,
} from "./draft";

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    raw: m,
  };
}

const filled = {
  ...defaultTrainingConfig,
  datasetId: "7d1f0c52-93a4-4c43-9d4e-2a9a51f0c001",
  baseModelId: "meta-llama-3.1-8b-instruct",
  presetId: "custom" as const,
  quantization: "4bit" as const,
  hyperparameters: { ...defaultTrainingConfig.hyperparameters, epochs: 7, learningRate: 0.00015 },
  gpu: { instanceTypeId: "nvidia-h100", gpuCount: 2 },
};

describe("configurator draft", () => {
  it("round-trips a configuration through storage", () => {
    const storage = memoryStorage();
    saveTrainingDraft(filled, storage);
    expect(JSON.parse(storage.raw.get(TRAINING_DRAFT_KEY)!)).toEqual(filled);
    expect(loadTrainingDraft(defaultTrainingConfig, storage)).toEqual(filled);
    clearTrainingDraft(storage);
    expect(loadTrainingDraft(defaultTrainingConfig, storage)).toBeNull();
  });

  it("keeps only values of the default's type, and known enums", () => {
    const stored = {
      datasetId: 42,
      baseModelId: "mistral-7b-instruct-v0.3",
      presetId: "reckless",
      quantization: "2bit",
      hyperparameters: { epochs: "9", batchSize: 16, loraRank: null, extra: 1 },
      gpu: "nvidia-h100",
      unknown: true,
    };
    const draft = fromDraft(defaultTrainingConfig, stored);
    expect(draft).toEqual({
      ...defaultTrainingConfig,
      baseModelId: "mistral-7b-instruct-v0.3",
      hyperparameters: { ...defaultTrainingConfig.hyperparameters, batchSize: 16 },
    });
  });

  it("reads nothing from unparseable or missing storage", () => {
    const storage = memoryStorage();
    storage.raw.set(TRAINING_DRAFT_KEY, "{not json");
    expect(loadTrainingDraft(defaultTrainingConfig, storage)).toBeNull();
    expect(fromDraft(defaultTrainingConfig, "a string")).toEqual(defaultTrainingConfig);
  });

  it("starts from the URL's dataset and model over the draft's", () => {
    expect(initialConfig(defaultTrainingConfig, filled, { datasetId: "other-id" })).toEqual({ ...filled, datasetId: "other-id" });
    expect(initialConfig(defaultTrainingConfig, filled, {})).toEqual(filled);
    expect(initialConfig(defaultTrainingConfig, null, { datasetId: "x", baseModelId: "m" })).toEqual({
      ...defaultTrainingConfig,
      datasetId: "x",
      baseModelId: "m",
    });
  });

  it("survives a storage that throws", () => {
    const broken = {
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    };
    expect(loadTrainingDraft(defaultTrainingConfig, broken)).toBeNull();
    expect(() => saveTrainingDraft(filled, broken)).not.toThrow();
    expect(() => clearTrainingDraft(broken)).not.toThrow();
  });
});
