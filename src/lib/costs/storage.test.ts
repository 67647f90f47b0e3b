import { describe, expect, it } from "vitest";
import { DAY_MS } from "./period";
import { ARTIFACT_PREPAID_MS, storageLines, storageMicroCents } from "./storage";

const GB = 1_000_000_000;
const day = new Date("2026-12-02T00:00:00Z");
const id = "00000000-0000-4000-8000-0000000000aa";

describe("storage accrual", () => {
  it("a GB kept for a 730-hour month costs the $0.023 list price", () => {
    expect(storageMicroCents(GB, 730 * 3_600_000)).toBe(2_300_000);
  });

  it("bills a whole day, or the part of it the file was stored", () => {
    const whole = storageLines([{ resourceType: "dataset", id, bytes: GB, from: new Date("2026-11-01Z"), until: null }], day);
    expect(whole).toHaveLength(1);
    expect(whole[0]).toMatchObject({
      idempotencyKey: `storage:dataset:${id}:2026-12-02`,
      type: "storage",
      amountMicro: Math.round((2_300_000 * 24) / 730),
      details: { kind: "storage", bytes: GB, storedSeconds: 86_400 },
    });
    const half = storageLines(
      [{ resourceType: "dataset", id, bytes: GB, from: new Date("2026-12-02T12:00:00Z"), until: null }],
      day,
    );
    expect(half[0]?.amountMicro).toBe(Math.round((2_300_000 * 12) / 730));
    const deleted = storageLines(
      [{ resourceType: "dataset", id, bytes: GB, from: new Date("2026-11-01Z"), until: new Date("2026-12-01T23:00:00Z") }],
      day,
    );
    expect(deleted).toEqual([]);
  });

  it("does not overflow on large files (bytes × ms passes 2^53)", () => {
    const tb = 1000 * GB;
    expect(storageMicroCents(tb, DAY_MS)).toBe(Math.round((2_300_000 * 1000 * 24) / 730));
  });

  it("an artifact's first month is prepaid by its job", () => {
    expect(ARTIFACT_PREPAID_MS).toBe(30 * DAY_MS);
  });
});
