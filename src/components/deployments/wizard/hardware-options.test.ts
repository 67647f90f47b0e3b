import { describe, expect, it } from "vitest";
import { cheapestFit, gpuCountFor, hardwareChoices, hourlyText } from "./hardware-options";

const llama70b = { id: "meta-llama-3.1-70b-instruct", name: "Llama 3.1 70B", parameterCountB: "70", contextWindow: 131072 };
const llama8b = { id: "meta-llama-3.1-8b-instruct", name: "Llama 3.1 8B", parameterCountB: "8", contextWindow: 131072 };

describe("hardware choices", () => {
  it("offers everything before a model is chosen", () => {
    const choices = hardwareChoices(null, "bf16");
    expect(choices.every((c) => !c.disabled)).toBe(true);
  });

  it("disables types whose largest size cannot hold the model, saying why", () => {
    const choices = hardwareChoices(llama70b, "bf16");
    const cpu1 = choices.find((c) => c.type.id === "intel-spr-x1")!;
    expect(cpu1.disabled).toBe(true);
    expect(cpu1.reason).toMatch(/^needs ≈ \d+ GB; CPU · 1 vCPU has 2 GB of RAM$/);
    const h100 = choices.find((c) => c.type.id === "nvidia-h100")!;
    expect(h100.disabled).toBe(false);
    // 70B at 16 bits is 140 GB of weights: one 80 GB H100 cannot, two can.
    expect(h100.sizes.find((s) => s.gpuCount === 1)!.fit!.fits).toBe(false);
    expect(h100.sizes.find((s) => s.gpuCount === 2)!.fit!.fits).toBe(true);
  });

  it("moves the GPU count to the smallest fitting size when the type changes", () => {
    const h100 = hardwareChoices(llama70b, "bf16").find((c) => c.type.id === "nvidia-h100")!;
    expect(gpuCountFor(h100, 1)).toBe(2);
    expect(gpuCountFor(h100, 4)).toBe(4);
    const cpu = hardwareChoices(llama8b, "int4").find((c) => c.type.id === "intel-spr-x16")!;
    expect(gpuCountFor(cpu, 2)).toBe(0);
  });

  it("formats hourly rates from mills", () => {
    expect(hourlyText(800)).toBe("$0.80/h");
    expect(hourlyText(33)).toBe("$0.033/h");
  });

  it("starts a newly chosen model on the cheapest size that holds it", () => {
    // 70B at 16 bits needs ≈ 152 GB: 2 × A100 80GB ($5.00/h) is the cheapest fit (8 × L4 is 192 GB at $7.60/h).
    expect(cheapestFit(llama70b, "bf16")).toEqual({ instanceTypeId: "nvidia-a100", gpuCount: 2 });
    // 8B at 4 bits would fit a CPU size's RAM, but a GPU is preferred: one T4 ($0.50/h).
    expect(cheapestFit(llama8b, "int4")).toEqual({ instanceTypeId: "nvidia-t4", gpuCount: 1 });
    expect(cheapestFit({ ...llama8b, parameterCountB: null }, "bf16")).toBeNull();
  });
});
