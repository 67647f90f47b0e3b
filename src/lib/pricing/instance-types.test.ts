import { describe, expect, it } from "vitest";
import { gpuCountsText, INSTANCE_TYPES, instanceSize, instanceTypeById, isInstanceTypeId } from "./instance-types";
import { isRegionId, REGIONS } from "./regions";

describe("instance types", () => {
  it("offers the GPUs the wizard lists, each at 1, 2, 4 and 8 GPUs, and CPU instances", () => {
    const gpus = INSTANCE_TYPES.filter((t) => t.accelerator === "gpu");
    expect(gpus.map((t) => t.id)).toEqual([
      "nvidia-t4",
      "nvidia-l4",
      "nvidia-a10g",
      "nvidia-l40s",
      "nvidia-a100",
      "nvidia-h100",
      "nvidia-h200",
      "nvidia-b200",
    ]);
    for (const t of gpus) expect(t.sizes.map((s) => s.gpuCount)).toEqual([1, 2, 4, 8]);
    expect(INSTANCE_TYPES.filter((t) => t.accelerator === "cpu").length).toBeGreaterThan(0);
  });

  it("has whole-mill prices that grow with size, and ids that are unique", () => {
    expect(new Set(INSTANCE_TYPES.map((t) => t.id)).size).toBe(INSTANCE_TYPES.length);
    for (const t of INSTANCE_TYPES) {
      let last = 0;
      for (const s of t.sizes) {
        expect(Number.isSafeInteger(s.hourlyMills)).toBe(true);
        expect(s.hourlyMills).toBeGreaterThan(last);
        last = s.hourlyMills;
      }
    }
  });

  it("keeps the listed Hugging Face rates", () => {
    const rate = (id: string, n: number) => instanceSize(instanceTypeById(id)!, n)?.hourlyMills;
    expect(rate("nvidia-t4", 1)).toBe(500);
    expect(rate("nvidia-l40s", 8)).toBe(23_500);
    expect(rate("nvidia-h200", 8)).toBe(40_000);
    expect(rate("intel-spr-x1", 0)).toBe(33);
    expect(instanceSize(instanceTypeById("nvidia-a100")!, 3)).toBeUndefined();
  });

  it("lookups and messages", () => {
    expect(isInstanceTypeId("nvidia-l4")).toBe(true);
    expect(isInstanceTypeId("nvidia-x9")).toBe(false);
    expect(gpuCountsText(instanceTypeById("nvidia-l4")!)).toBe("1, 2, 4 or 8");
    expect(gpuCountsText(instanceTypeById("intel-spr-x4")!)).toBe("0");
    expect(REGIONS.find((r) => r.id === "us-east-1")?.pricePercent).toBe(100);
    expect(isRegionId("mars-1")).toBe(false);
  });
});
