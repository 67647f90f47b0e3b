import { describe, expect, it } from "vitest";
import { emptyBucket } from "@/lib/gateway/metrics";
import { bucketLabel, chartRows, compact, formatMs, formatRate } from "./metric-format";

describe("formatMs", () => {
  it("shows a dash without a value, ms under a second, seconds above", () => {
    expect(formatMs(null)).toBe("—");
    expect(formatMs(84.6)).toBe("85 ms");
    expect(formatMs(1250)).toBe("1.25 s");
    expect(formatMs(12_340)).toBe("12.3 s");
  });
});

describe("formatRate", () => {
  it("keeps one decimal below 10% and rounds above", () => {
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(0.004)).toBe("0.4%");
    expect(formatRate(0.05)).toBe("5%");
    expect(formatRate(0.123)).toBe("12%");
    expect(formatRate(1)).toBe("100%");
  });
});

describe("compact", () => {
  it("abbreviates thousands and millions", () => {
    expect(compact(950)).toBe("950");
    expect(compact(12_345)).toBe("12.3K");
    expect(compact(1_234_567)).toBe("1.2M");
  });
});

describe("bucketLabel", () => {
  const t = new Date(2026, 11, 2, 14, 5);
  it("shows a clock time for hour ranges and a day beyond", () => {
    expect(bucketLabel(t, "1h")).toBe("14:05");
    expect(bucketLabel(t, "24h")).toBe("14:05");
    expect(bucketLabel(t, "7d")).toBe("Wed 14:05");
    expect(bucketLabel(t, "30d")).toBe("2 Dec");
  });
});

describe("chartRows", () => {
  it("leaves the error rate of an empty bucket as a gap and turns rates into percents", () => {
    const start = new Date(2026, 11, 2, 14, 0);
    const busy = { ...emptyBucket(new Date(start.getTime() + 60_000)), requests: 4, errors: 1, errorRate: 0.25, requestsPerMinute: 4, p50Ms: 120, p95Ms: 300 };
    const rows = chartRows([emptyBucket(start), busy]);
    expect(rows.map((r) => r.errorPercent)).toEqual([null, 25]);
    expect(rows[1]).toMatchObject({ t: busy.start.getTime(), requestsPerMinute: 4, p50Ms: 120, p95Ms: 300 });
  });
});
