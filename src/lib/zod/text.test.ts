import { describe, expect, it } from "vitest";
import { boundedDate, isStorableText, NUL_MESSAGE, safeText, SURROGATE_MESSAGE } from "./text";

describe("safeText", () => {
  const title = safeText().trim().min(1).max(10);

  it("accepts ordinary text, including emoji (surrogate pairs) and other languages", () => {
    expect(title.parse("  Grüße 😀 ")).toBe("Grüße 😀");
    expect(safeText().parse("日本語\n\ttabs")).toBe("日本語\n\ttabs");
  });

  it("refuses NUL anywhere with a readable message", () => {
    for (const s of ["\u0000", "a\u0000", "\u0000a", "a\u0000b"]) {
      expect(safeText().safeParse(s).error?.issues.map((i) => i.message)).toEqual([NUL_MESSAGE]);
    }
  });

  it("refuses lone high and low surrogates, at the start, middle and end", () => {
    for (const s of ["\uD800", "a\uD83D", "\uDE00a", "x\uDC00y", "\uDE00\uD83D"]) {
      expect(safeText().safeParse(s).error?.issues[0]?.message).toBe(SURROGATE_MESSAGE);
    }
    expect(isStorableText("\uD83D\uDE00")).toBe(true);
  });

  it("keeps the chained limits", () => {
    expect(title.safeParse("   ").success).toBe(false);
    expect(title.safeParse("x".repeat(11)).success).toBe(false);
  });

  it("checks a 1 MB string quickly (no backtracking blow-up)", () => {
    const big = "ab\uD83D\uDE00".repeat(250_000);
    const start = performance.now();
    expect(safeText().safeParse(big).success).toBe(true);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe("boundedDate", () => {
  it("accepts dates between 2000 and 2100 as Date or ISO string", () => {
    expect(boundedDate().parse("2026-01-01T00:00:00.000Z")).toEqual(new Date("2026-01-01T00:00:00.000Z"));
    expect(boundedDate().parse(new Date("2099-12-31T23:59:59.999Z")).getUTCFullYear()).toBe(2099);
  });

  it("refuses the year 275760, the year 1, and garbage", () => {
    expect(boundedDate().safeParse("+275760-09-13T00:00:00.000Z").error?.issues[0]?.message).toBe("Date must be between 2000 and 2100.");
    expect(boundedDate().safeParse(new Date("0001-01-01T00:00:00Z")).success).toBe(false);
    expect(boundedDate().safeParse("nonsense").error?.issues[0]?.message).toBe("Expected a date.");
  });
});
