import { describe, expect, it } from "vitest";
import {
  chartPoints,
  elapsedText,
  etaText,
  formatBytes,
  formatLearningRate,
  formatLoss,
  formatThroughput,
  mergeLogs,
  mergePoints,
} from "./series";

const p = (step: number, validationLoss: number | null = null, trainingLoss = 1) => ({ step, validationLoss, trainingLoss });

describe("metrics series", () => {
  it("appends points that come after the last one", () => {
    const merged = mergePoints([p(1), p(2)], [p(3), p(4)]);
    expect(merged.map((x) => x.step)).toEqual([1, 2, 3, 4]);
  });

  it("merges overlapping or unordered pages by step, the newer value winning", () => {
    const merged = mergePoints([p(1), p(2, null, 2), p(3)], [p(2, 0.9, 1.5), p(5), p(4)]);
    expect(merged.map((x) => x.step)).toEqual([1, 2, 3, 4, 5]);
    expect(merged[1]).toEqual(p(2, 0.9, 1.5));
    expect(mergePoints([p(1)], [])).toEqual([p(1)]);
  });

  it("bounds the chart's points but keeps every validation point and the last one", () => {
    const points = Array.from({ length: 10_000 }, (_, i) => p(i + 1, (i + 1) % 500 === 0 ? 0.5 : null));
    const drawn = chartPoints(points, 800);
    expect(drawn.length).toBeLessThanOrEqual(800 + 20 + 1);
    expect(drawn.filter((x) => x.validationLoss !== null)).toHaveLength(20);
    expect(drawn.at(-1)!.step).toBe(10_000);
    expect(drawn.map((x) => x.step)).toEqual([...drawn.map((x) => x.step)].sort((a, b) => a - b));
    expect(chartPoints(points.slice(0, 5))).toHaveLength(5);
  });

  it("appends only log lines it has not seen", () => {
    const a = [{ id: "1" }, { id: "2" }];
    expect(mergeLogs(a, [{ id: "2" }, { id: "3" }]).map((l) => l.id)).toEqual(["1", "2", "3"]);
  });
});

describe("monitor text", () => {
  const now = Date.UTC(2026, 11, 2, 12, 0, 0);
  it("says when a job should finish", () => {
    expect(etaText(null, now)).toBeNull();
    expect(etaText(new Date(now - 5000), now)).toBe("any moment now");
    expect(etaText(new Date(now + 30_000), now)).toBe("in under a minute");
    expect(etaText(new Date(now + 12 * 60_000), now)).toBe("in 12 min");
    expect(etaText(new Date(now + 65 * 60_000).toISOString(), now)).toBe("in 1 h 5 min");
    expect(etaText(new Date(now + 120 * 60_000), now)).toBe("in 2 h");
  });

  it("writes elapsed times, losses, learning rates, throughput and sizes", () => {
    expect(elapsedText(new Date(now), now + 45_000)).toBe("45 s");
    expect(elapsedText(new Date(now), now + 725_000)).toBe("12 min 5 s");
    expect(elapsedText(new Date(now), now + 9_240_000)).toBe("2 h 34 min");
    expect(formatLoss(0.123456)).toBe("0.1235");
    expect(formatLoss(null)).toBe("—");
    expect(formatLearningRate(0.0002)).toBe("2e-4");
    expect(formatLearningRate(0.000015)).toBe("1.5e-5");
    expect(formatLearningRate(0)).toBe("0");
    expect(formatThroughput(12500.4)).toBe("12,500 tokens/s");
    expect(formatBytes(712)).toBe("712 B");
    expect(formatBytes(83_886_080)).toBe("84 MB");
    expect(formatBytes(9_085_657)).toBe("9.1 MB");
    expect(formatBytes(1_300_000_000)).toBe("1.3 GB");
  });
});
