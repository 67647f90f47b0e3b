import { describe, expect, it } from "vitest";
import { budgetFormSchema, centsToDollarsText, dollarsToCents } from "./budget-schema";

describe("budget form", () => {
  it("reads dollars as whole cents", () => {
    expect(dollarsToCents("50")).toBe(5000);
    expect(dollarsToCents(" $1,250.5 ")).toBe(125050);
    expect(dollarsToCents("0.10")).toBe(10);
    expect(dollarsToCents("")).toBeNull();
    expect(dollarsToCents("12.345")).toBeUndefined();
    expect(dollarsToCents("-3")).toBeUndefined();
    expect(dollarsToCents("abc")).toBeUndefined();
  });
  it("shows stored cents as dollars", () => {
    expect(centsToDollarsText(null)).toBe("");
    expect(centsToDollarsText(5000)).toBe("50");
    expect(centsToDollarsText(10)).toBe("0.10");
  });
  it("validates: empty clears, zero and too much are refused", () => {
    expect(budgetFormSchema.parse({ amount: "", hardLimit: true })).toEqual({ amount: null, hardLimit: true });
    expect(budgetFormSchema.parse({ amount: "0.01", hardLimit: false })).toEqual({ amount: 1, hardLimit: false });
    expect(budgetFormSchema.safeParse({ amount: "0", hardLimit: false }).success).toBe(false);
    expect(budgetFormSchema.safeParse({ amount: "10000000.01", hardLimit: false }).success).toBe(false);
    expect(budgetFormSchema.safeParse({ amount: "1e3", hardLimit: false }).success).toBe(false);
  });
});
