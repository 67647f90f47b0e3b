import { describe, expect, it } from "vitest";
import { budgetFit, restOfMonthCents } from "./budget-fit";

const budget = { monthlyBudgetCents: 1000, remainingCents: 400, hardLimit: false, limitReached: false };

describe("budgetFit", () => {
  it("is none without a budget", () => {
    expect(budgetFit(null, 100)).toEqual({ kind: "none" });
    expect(budgetFit({ ...budget, monthlyBudgetCents: null, remainingCents: null }, 100)).toEqual({ kind: "none" });
  });
  it("fits up to the remaining amount", () => {
    expect(budgetFit(budget, 400)).toEqual({ kind: "fits", remainingCents: 400 });
  });
  it("exceeds by the difference, carrying the hard limit", () => {
    expect(budgetFit({ ...budget, hardLimit: true }, 650)).toEqual({ kind: "exceeds", remainingCents: 400, overCents: 250, hardLimit: true });
  });
  it("treats an overspent budget as nothing left", () => {
    expect(budgetFit({ ...budget, remainingCents: -50 }, 1)).toMatchObject({ kind: "exceeds", remainingCents: 0, overCents: 1 });
  });
  it("reports a reached hard limit before the estimate", () => {
    expect(budgetFit({ ...budget, remainingCents: 0, hardLimit: true, limitReached: true }, 0)).toEqual({ kind: "limit" });
  });
});

describe("restOfMonthCents", () => {
  it("prorates a monthly figure to the rest of the UTC month", () => {
    expect(restOfMonthCents(3000, new Date("2026-11-01T00:00:00Z"))).toBe(3000);
    expect(restOfMonthCents(3000, new Date("2026-11-16T00:00:00Z"))).toBe(1500);
    expect(restOfMonthCents(3000, new Date("2026-11-30T23:59:59.999Z"))).toBe(0);
  });
});
