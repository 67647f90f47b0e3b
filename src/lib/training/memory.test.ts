import { describe, expect, it } from "vitest";
import { adapterBytes, loraParameterCount } from "./adapter";
import { trainingMemory } from "./memory";
import { fineTuneIssue, isFineTunable } from "./models";

// Llama 3.1 8B's architecture (32 layers, 8 KV heads of 128: 131,072 KV bytes a token) at exactly
// 8 B parameters, so every figure below is worked out by hand.
const llama8: { id: string; name: string; parameterCountB: string; contextWindow: number } = {
  id: "meta-llama-3.1-8b-instruct",
  name: "Llama 3.1 8B Instruct",
  parameterCountB: "8",
  contextWindow: 131_072,
};
const llama70 = {
  id: "meta-llama-3.1-70b-instruct",
  name: "Llama 3.1 70B Instruct",
  parameterCountB: "70.6",
  contextWindow: 131_072,
};
const hyper = { loraRank: 16, batchSize: 8, maxSequenceLength: 2048 };

describe("adapter size", () => {
  it("is 2,621,440 parameters a rank at 8 B; bf16 bytes", () => {
    expect(loraParameterCount(llama8, 16)).toBe(41_943_040);
    expect(adapterBytes(llama8, 16)).toBe(83_886_080);
    // 128 B = 16 × 8 B: 16^0.75 = 8 times the reference a rank.
    expect(loraParameterCount({ parameterCountB: 128 }, 1)).toBe(20_971_520);
    // 70.6 B: 13.42 M a rank (the exact figure from Llama 3.1 70B's shapes is 12.94 M).
    expect(loraParameterCount(llama70, 1)).toBe(13_422_270);
    expect(loraParameterCount({ parameterCountB: null }, 16)).toBeNull();
  });
});

describe("trainingMemory: hand-computed", () => {
  // weights 16 + activations 131,072 × 2,048 × 16 sequences = 4.294967296 + adapter 41,943,040 × 16 B
  // = 0.67108864 + overhead 1 + 5% × 16 = 1.8 → 22.766055936 GB.
  it("16-bit, rank 16, batch 8, 2,048 tokens on one A100", () => {
    const m = trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "nvidia-a100", gpuCount: 1 })!;
    expect(m.exactGb).toBeCloseTo(22.766055936, 9);
    expect(m).toMatchObject({
      fits: true,
      neededGb: 22.8,
      availableGb: 80,
      parts: { weightsGb: 16, activationsGb: 4.3, adapterGb: 0.7, overheadGb: 1.8 },
    });
    expect(m.reason).toBeUndefined();
  });

  it("the same on a T4 (16 GB) does not fit, and says why; on an L4 (24 GB) it does", () => {
    const t4 = trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "nvidia-t4", gpuCount: 1 })!;
    expect(t4).toMatchObject({ fits: false, availableGb: 16, reason: "needs ≈ 23 GB to train; T4 has 16 GB" });
    expect(trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "nvidia-l4", gpuCount: 1 })?.fits).toBe(true);
  });

  it("4-bit weights (QLoRA): 4 + 4.295 + 0.671 + 1.2 = 10.166 GB fits a T4", () => {
    const m = trainingMemory(llama8, "4bit", hyper, { instanceTypeId: "nvidia-t4", gpuCount: 1 })!;
    expect(m.exactGb).toBeCloseTo(10.166_055_936, 9);
    expect(m.fits).toBe(true);
  });

  it("32-bit on two L4s: 32 + 4.295 + 0.671 + (2 + 1.6) = 40.566 GB of 48", () => {
    const m = trainingMemory(llama8, "32bit", hyper, { instanceTypeId: "nvidia-l4", gpuCount: 2 })!;
    expect(m.exactGb).toBeCloseTo(40.566_055_936, 9);
    expect(m).toMatchObject({ fits: true, availableGb: 48 });
  });

  it("activations grow with batch and sequence length: batch 16 of 8,192 tokens needs 4 × 2 × 4.295 more", () => {
    const small = trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "nvidia-h100", gpuCount: 1 })!;
    const big = trainingMemory(
      llama8,
      "16bit",
      { ...hyper, batchSize: 16, maxSequenceLength: 8192 },
      {
        instanceTypeId: "nvidia-h100",
        gpuCount: 1,
      },
    )!;
    expect(big.exactGb - small.exactGb).toBeCloseTo(7 * 4.294967296, 9);
    // 16 + 131,072 × 8,192 × 32 = 34.359738368 + 0.67108864 + 1.8 = 52.830827008 GB of 80.
    expect(big).toMatchObject({ fits: true, neededGb: 52.8, availableGb: 80 });
  });

  it("70.6 B at 16 bits: 141.2 + 10.74 + 3.44 + 8.06 ≈ 163.4 GB — not one A100, but two H200s", () => {
    const one = trainingMemory(llama70, "16bit", hyper, { instanceTypeId: "nvidia-a100", gpuCount: 1 })!;
    expect(one.fits).toBe(false);
    expect(one.reason).toBe("needs ≈ 164 GB to train; A100 80GB has 80 GB");
    const two = trainingMemory(llama70, "16bit", hyper, { instanceTypeId: "nvidia-h200", gpuCount: 2 })!;
    expect(two).toMatchObject({ fits: true, availableGb: 282 });
    const twoA100 = trainingMemory(llama70, "16bit", hyper, { instanceTypeId: "nvidia-a100", gpuCount: 2 })!;
    expect(twoA100.reason).toBe("needs ≈ 165 GB to train; 2 × A100 80GB have 160 GB");
  });

  it("null for what the schema refuses first: CPU, a missing size, an undisclosed model", () => {
    expect(trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "intel-spr-x4", gpuCount: 0 })).toBeNull();
    expect(trainingMemory(llama8, "16bit", hyper, { instanceTypeId: "nvidia-a100", gpuCount: 3 })).toBeNull();
    expect(
      trainingMemory({ ...llama8, parameterCountB: null }, "16bit", hyper, {
        instanceTypeId: "nvidia-a100",
        gpuCount: 1,
      }),
    ).toBeNull();
  });
});

describe("fine-tunable models", () => {
  const model = (patch: Partial<{ type: string; status: string; parameterCountB: string | null }>) => ({
    ...llama8,
    type: "chat",
    status: "available",
    ...patch,
  });
  it("chat and code models with weights, not deprecated", () => {
    expect(isFineTunable(model({}))).toBe(true);
    expect(isFineTunable(model({ type: "code", status: "preview" }))).toBe(true);
    expect(fineTuneIssue(model({ status: "deprecated" }))).toBe(
      "Llama 3.1 8B Instruct is deprecated: new fine-tuning jobs cannot use it.",
    );
    expect(fineTuneIssue(model({ parameterCountB: null }))).toBe(
      "Llama 3.1 8B Instruct is hosted only: its weights are not available to fine-tune.",
    );
    expect(fineTuneIssue(model({ type: "embedding" }))).toBe(
      "Llama 3.1 8B Instruct is an embedding model: only chat and code models can be fine-tuned.",
    );
    expect(fineTuneIssue(model({ type: "vision" }))).toBe(
      "Llama 3.1 8B Instruct is a vision model: only chat and code models can be fine-tuned.",
    );
  });
});
