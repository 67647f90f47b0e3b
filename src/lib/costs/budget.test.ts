import { describe, expect, it } from "vitest";
import { budgetStatus, estimateAgainstBudget } from "./budget";
import { centsToMicro } from "./types";

describe("budget thresholds", () => {
  const budget = { monthlyBudgetCents: 10_000, hardLimit: true };

  it("no budget: nothing reached, nothing refused", () => {
    expect(budgetStatus(centsToMicro(1_000_000), null)).toMatchObject({ monthlyBudgetCents: null, reached: [], limitReached: false, remainingCents: null });
  });

  it("80% and 100% at exactly those shares of the budget", () => {
    expect(budgetStatus(centsToMicro(7_999) + 999_999, budget).reached).toEqual([]);
    expect(budgetStatus(centsToMicro(8_000), budget)).toMatchObject({ reached: [80], percentUsed: 80, limitReached: false, remainingCents: 2_000 });
    expect(budgetStatus(centsToMicro(10_000) - 1, budget).reached).toEqual([80]);
    expect(budgetStatus(centsToMicro(10_000), budget)).toMatchObject({ reached: [80, 100], limitReached: true, remainingCents: 0 });
    expect(budgetStatus(centsToMicro(12_345), budget)).toMatchObject({ percentUsed: 123.5, remainingCents: 0 });
  });

  it("without the hard limit, 100% alerts but refuses nothing", () => {
    expect(budgetStatus(centsToMicro(20_000), { ...budget, hardLimit: false })).toMatchObject({ reached: [80, 100], limitReached: false });
  });

  it("an estimate beside the remaining budget", () => {
    const status = budgetStatus(centsToMicro(9_000), budget);
    expect(estimateAgainstBudget(status, 999)).toMatchObject({ remainingCents: 1_000, wouldExceed: false });
    expect(estimateAgainstBudget(status, 1_001)).toMatchObject({ remainingCents: 1_000, wouldExceed: true });
    expect(estimateAgainstBudget(budgetStatus(0, null), 1)).toBeNull();
  });
});
