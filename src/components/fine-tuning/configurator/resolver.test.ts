import { describe, expect, it } from "vitest";
import { defaultTrainingConfig } from "@/lib/training/schema";
import { configuratorResolver, modelIssues } from "./resolver";

const gemma = { id: "gemma-2-27b-it", name: "Gemma 2 27B IT", parameterCountB: "27.2", contextWindow: 8192 };
const valid = { ...defaultTrainingConfig, datasetId: "d-1", baseModelId: gemma.id };
const options = { fields: {}, shouldUseNativeValidation: false } as const;

describe("configurator resolver", () => {
  it("accepts a configuration the model holds", async () => {
    const r = await configuratorResolver(() => gemma)(valid, undefined, options);
    expect(r.errors).toEqual({});
    expect(r.values).toEqual(valid);
  });

  it("refuses a sequence longer than the model's context, under that field", async () => {
    const config = { ...valid, hyperparameters: { ...valid.hyperparameters, maxSequenceLength: 16384 } };
    const r = await configuratorResolver(() => gemma)(config, undefined, options);
    expect(r.errors.hyperparameters?.maxSequenceLength?.message).toMatch(/reads at most 8,192 tokens/);
  });

  it("refuses GPUs without the memory, under the GPU count", async () => {
    const config = { ...valid, gpu: { instanceTypeId: "nvidia-t4", gpuCount: 1 } };
    expect(modelIssues(gemma, config).gpuCount).toMatch(/needs ≈ \d+ GB to train; T4 has 16 GB/);
    const r = await configuratorResolver(() => gemma)(config, undefined, options);
    expect(r.errors.gpu?.gpuCount?.type).toBe("memory");
  });

  it("reports the schema's errors first, and skips model checks for another model", async () => {
    const r = await configuratorResolver(() => gemma)({ ...valid, baseModelId: "" }, undefined, options);
    expect(r.errors.baseModelId?.message).toBe("Choose a base model.");
    const other = { ...valid, baseModelId: "other", gpu: { instanceTypeId: "nvidia-t4", gpuCount: 1 } };
    expect((await configuratorResolver(() => gemma)(other, undefined, options)).errors).toEqual({});
  });
});
