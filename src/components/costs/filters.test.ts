import { describe, expect, it } from "vitest";
import { defaultFilters, rangeError, recordsInput } from "./filters";

describe("cost filters", () => {
  it("defaults to this UTC month so far", () => {
    expect(defaultFilters(new Date("2026-12-02T23:30:00-05:00"))).toEqual({ from: "2026-12-01", to: "2026-12-03", type: null, resourceType: null });
  });
  it("rejects reversed, partial and over-long ranges", () => {
    expect(rangeError({ from: "2026-12-02", to: "2026-12-01" })).toMatch(/before/);
    expect(rangeError({ from: "", to: "2026-12-01" })).toMatch(/both/);
    expect(rangeError({ from: "2025-01-01", to: "2026-01-03" })).toMatch(/year/);
    expect(rangeError({ from: "2026-12-01", to: "2026-12-01" })).toBeNull();
  });
  it("turns the inclusive day range into a half-open instant range", () => {
    const input = recordsInput({ from: "2026-12-01", to: "2026-12-02", type: "compute", resourceType: null });
    expect(input).toEqual({ from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-03T00:00:00Z"), type: "compute" });
  });
});
