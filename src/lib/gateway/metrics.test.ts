import { describe, expect, it } from "vitest";
import { emptyBucket, fillBuckets, rangeWindow } from "./metrics";

describe("metrics ranges", () => {
  const now = new Date(Date.UTC(2026, 0, 1, 12, 30, 45));

  it("ends at the end of the bucket holding now and spans the range", () => {
    const w = rangeWindow("1h", now);
    expect(w.to.toISOString()).toBe("2026-01-01T12:31:00.000Z");
    expect(w.from.toISOString()).toBe("2026-01-01T11:31:00.000Z");
    expect(rangeWindow("24h", now).bucketSeconds).toBe(900);
    expect(rangeWindow("7d", now).to.toISOString()).toBe("2026-01-01T14:00:00.000Z");
  });

  it("fills the buckets without requests, in order", () => {
    const { from, to, bucketSeconds } = rangeWindow("1h", now);
    const measured = { ...emptyBucket(new Date(from.getTime() + 120_000)), requests: 4 };
    const all = fillBuckets([measured], from, to, bucketSeconds);
    expect(all).toHaveLength(60);
    expect(all[2]?.requests).toBe(4);
    expect(all.filter((b) => b.requests > 0)).toHaveLength(1);
    expect(all[0]).toEqual(emptyBucket(from));
  });
});
