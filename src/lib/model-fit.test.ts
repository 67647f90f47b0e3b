import { describe, expect, it } from "vitest";
import { fittingInstanceTypes, instanceOptions, memoryNeeds, modelFit } from "./model-fit";
import type { ModelSpec } from "./model-spec";

const llama8b: ModelSpec = { id: "meta-llama-3.1-8b-instruct", name: "Llama 3.1 8B", parameterCountB: "8.03", contextWindow: 131072 };
const coder32b: ModelSpec = { id: "qwen2.5-coder-32b-instruct", name: "Qwen2.5 Coder 32B", parameterCountB: "32.5", contextWindow: 131072 };
const llama70b: ModelSpec = { id: "meta-llama-3.1-70b-instruct", name: "Llama 3.1 70B", parameterCountB: "70.6", contextWindow: 131072 };
const gpt4o: ModelSpec = { id: "gpt-4o", name: "GPT-4o", parameterCountB: null, contextWindow: 128000 };

// Hand-computed: weights = params × bytes; KV = layers × 2048 values × 2 bytes × tokens × sequences;
// overhead = 1 GB per GPU + 5% of weights.
describe("memoryNeeds: 3 model sizes × 3 precisions", () => {
  it.each([
    // Llama 3.1 8B, 4096 tokens × 2 sequences: KV 32 × 2048 × 2 × 8192 = 1.0737 GB
    [llama8b, "fp16", 4096, 1, 16.1, 1.1, 1.8, 18.9], // 16.06 + 1.074 + (1 + 0.803)
    [llama8b, "int8", 4096, 1, 8.0, 1.1, 1.4, 10.5], // 8.03 + 1.074 + (1 + 0.4015)
    [llama8b, "int4", 4096, 1, 4.0, 1.1, 1.2, 6.3], // 4.015 + 1.074 + (1 + 0.2008)
    // Qwen2.5 Coder 32B, 8192 tokens × 2: KV 64 × 2048 × 2 × 16384 = 4.295 GB
    [coder32b, "bf16", 8192, 1, 65.0, 4.3, 4.3, 73.5], // 65 + 4.295 + (1 + 3.25)
    [coder32b, "int8", 8192, 1, 32.5, 4.3, 2.6, 39.4], // 32.5 + 4.295 + (1 + 1.625)
    [coder32b, "int4", 8192, 1, 16.3, 4.3, 1.8, 22.4], // 16.25 + 4.295 + (1 + 0.8125)
    // Llama 3.1 70B, 8192 tokens × 2: KV 80 × 2048 × 2 × 16384 = 5.369 GB
    [llama70b, "fp16", 8192, 2, 141.2, 5.4, 9.1, 155.6], // 141.2 + 5.369 + (2 + 7.06)
    [llama70b, "int8", 8192, 1, 70.6, 5.4, 4.5, 80.5], // 70.6 + 5.369 + (1 + 3.53)
    [llama70b, "int4", 8192, 1, 35.3, 5.4, 2.8, 43.4], // 35.3 + 5.369 + (1 + 1.765)
  ] as const)("%o %s ctx %i on %i GPU(s)", (model, precision, ctx, devices, weights, kv, overhead, total) => {
    expect(memoryNeeds(model, precision, devices, ctx)).toMatchObject({
      weightsGb: weights,
      kvCacheGb: kv,
      overheadGb: overhead,
      totalGb: total,
      contextLength: ctx,
      concurrency: 2,
    });
  });

  it("caps the context at the model's window, and scales the cache with concurrency", () => {
    const small = { ...llama8b, contextWindow: 2048 };
    expect(memoryNeeds(small, "fp16", 1, 8192)?.contextLength).toBe(2048);
    // 131,072 B × 4096 × 8 sequences = 4.29 GB
    expect(memoryNeeds(llama8b, "fp16", 1, 4096, 8)?.kvCacheGb).toBe(4.3);
  });

  it("approximates the cache of a model without a known architecture from its size", () => {
    // 131,072 × √(13 / 8) = 167,086 B per token × 8192 = 1.369 GB; 26 + 1.369 + (1 + 1.3) = 29.67
    const custom: ModelSpec = { id: "someone/custom-13b", name: "Custom 13B", parameterCountB: 13, contextWindow: 4096 };
    expect(memoryNeeds(custom, "fp16")).toMatchObject({ kvCacheGb: 1.4, totalGb: 29.7 });
    // An architecture given with the model wins over both the table and the approximation.
    const given = { ...custom, architecture: { layers: 10, kvValuesPerTokenPerLayer: 1000 } };
    expect(memoryNeeds(given, "fp16")?.kvCacheGb).toBe(0.2); // 10 × 1000 × 2 × 8192 = 0.164 GB
  });

  it("has nothing to size for an undisclosed model", () => {
    expect(memoryNeeds(gpt4o, "fp16")).toBeNull();
  });
});

describe("modelFit", () => {
  it("says why Llama 8B in fp16 does not fit a T4, and that it fits an L4", () => {
    expect(modelFit(llama8b, "nvidia-t4", 1, "fp16")).toMatchObject({
      fits: false,
      neededGb: 18.9,
      availableGb: 16,
      reason: "needs ≈ 19 GB; T4 has 16 GB",
    });
    const l4 = modelFit(llama8b, "nvidia-l4", 1, "fp16");
    expect(l4).toMatchObject({ fits: true, neededGb: 18.9, availableGb: 24 });
    expect(l4.reason).toBeUndefined();
    expect(modelFit(llama8b, "nvidia-t4", 1, "int8").fits).toBe(true);
  });

  it("adds up the GPUs of a multi-GPU size", () => {
    expect(modelFit(llama70b, "nvidia-a100", 2, "fp16", 8192)).toMatchObject({ fits: true, availableGb: 160 });
    expect(modelFit(llama70b, "nvidia-h200", 1, "fp16", 8192)).toMatchObject({
      fits: false,
      availableGb: 141,
      reason: "needs ≈ 155 GB; H200 has 141 GB", // 141.2 + 5.369 + 1 + 7.06,
    });
    expect(modelFit(llama70b, "nvidia-l40s", 2, "fp16", 8192).reason).toBe("needs ≈ 156 GB; 2 × L40S have 96 GB");
    // int8 at 8K context just misses one A100 (80.5 GB), while 4K context fits (70.6 + 2.684 + 1 + 3.53 = 77.8 GB).
    expect(modelFit(llama70b, "nvidia-a100", 1, "int8", 8192).reason).toBe("needs ≈ 81 GB; A100 80GB has 80 GB");
    expect(modelFit(llama70b, "nvidia-a100", 1, "int8", 4096)).toMatchObject({ fits: true, neededGb: 77.8 });
  });

  it("uses RAM on CPU instances", () => {
    expect(modelFit(llama8b, "intel-spr-x16", 0, "int4")).toMatchObject({ fits: true, availableGb: 32 });
    expect(modelFit(llama8b, "intel-spr-x2", 0, "int4").reason).toBe("needs ≈ 7 GB; CPU · 2 vCPU has 4 GB of RAM");
  });

  it("refuses hosted-only models and unknown hardware", () => {
    expect(modelFit(gpt4o, "nvidia-h100", 8, "fp16")).toMatchObject({
      fits: false,
      neededGb: null,
      reason: "GPT-4o is hosted only: its weights are not available to deploy.",
    });
    expect(modelFit(llama8b, "nvidia-l4", 3, "fp16")).toMatchObject({ fits: false, neededGb: null });
    expect(modelFit(llama8b, "nvidia-x9", 1, "fp16").fits).toBe(false);
  });
});

describe("fittingInstanceTypes", () => {
  it("keeps the types with a size that holds the model, with those sizes", () => {
    const fitting = fittingInstanceTypes(llama70b, "fp16");
    const ids = fitting.map((f) => f.instanceType.id);
    expect(ids).not.toContain("nvidia-t4"); // 8 × 16 = 128 GB < 157.6 needed on 8 GPUs
    expect(ids).not.toContain("intel-spr-x16");
    expect(fitting.find((f) => f.instanceType.id === "nvidia-a100")?.gpuCounts).toEqual([2, 4, 8]);
    expect(fitting.find((f) => f.instanceType.id === "nvidia-h200")?.gpuCounts).toEqual([2, 4, 8]);
    expect(fitting.find((f) => f.instanceType.id === "nvidia-b200")?.gpuCounts).toEqual([1, 2, 4, 8]);
  });

  it("offers nothing for a hosted-only model, and every option carries its fit", () => {
    expect(fittingInstanceTypes(gpt4o, "int4")).toEqual([]);
    const options = instanceOptions(llama8b, "fp16");
    expect(options.find((o) => o.instanceType.id === "nvidia-t4" && o.gpuCount === 1)?.fit.fits).toBe(false);
    expect(options.find((o) => o.instanceType.id === "nvidia-t4" && o.gpuCount === 2)?.fit.fits).toBe(true);
  });
});
