import { describe, expect, it } from "vitest";
import { trainingTokensPerSecond } from "@/lib/pricing/training-throughput";
import { cheapestTrainingGpu, gpuCountFor, trainingGpuChoices } from "./gpu-options";

const llama8b = { id: "meta-llama-3.1-8b-instruct", name: "Llama 3.1 8B Instruct", parameterCountB: "8.03", contextWindow: 131072 };
const llama70b = { id: "meta-llama-3.1-70b-instruct", name: "Llama 3.1 70B Instruct", parameterCountB: "70.6", contextWindow: 131072 };
const h = { loraRank: 16, batchSize: 8, maxSequenceLength: 2048 };

describe("training GPU choices", () => {
  it("offers every GPU size, unjudged, before a model is chosen", () => {
    const choices = trainingGpuChoices(null, "16bit", h);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.type.accelerator === "gpu" && !c.disabled)).toBe(true);
    expect(choices.flatMap((c) => c.sizes).every((s) => s.fit === null)).toBe(true);
  });

  it("disables the sizes and types too small for the job, with the reason", () => {
    const choices = trainingGpuChoices(llama70b, "16bit", h);
    const t4 = choices.find((c) => c.type.id === "nvidia-t4")!;
    expect(t4.disabled).toBe(true);
    expect(t4.reason).toMatch(/needs ≈ \d+ GB to train/);
    const a100 = choices.find((c) => c.type.id === "nvidia-a100")!;
    expect(a100.sizes.find((s) => s.gpuCount === 1)!.fit!.fits).toBe(false);
    expect(a100.sizes.find((s) => s.gpuCount === 8)!.fit!.fits).toBe(true);
    expect(gpuCountFor(a100, 1)).toBe(a100.sizes.find((s) => s.fit!.fits)!.gpuCount);
    expect(gpuCountFor(a100, 8)).toBe(8);
  });

  it("picks the GPUs with the lowest price per trained token", () => {
    const best = cheapestTrainingGpu(llama8b, "16bit", h)!;
    let bestRatio = Number.POSITIVE_INFINITY;
    for (const c of trainingGpuChoices(llama8b, "16bit", h)) {
      for (const s of c.sizes) {
        const tps = s.fit?.fits ? trainingTokensPerSecond(c.type.id, s.gpuCount, 8030, "16bit") : null;
        if (tps) bestRatio = Math.min(bestRatio, s.hourlyMills / tps);
      }
    }
    const type = trainingGpuChoices(llama8b, "16bit", h).find((c) => c.type.id === best.instanceTypeId)!;
    const size = type.sizes.find((s) => s.gpuCount === best.gpuCount)!;
    expect(size.fit!.fits).toBe(true);
    expect(size.hourlyMills / trainingTokensPerSecond(best.instanceTypeId, best.gpuCount, 8030, "16bit")!).toBe(bestRatio);
    expect(cheapestTrainingGpu({ ...llama8b, parameterCountB: null }, "16bit", h)).toBeNull();
  });
});
