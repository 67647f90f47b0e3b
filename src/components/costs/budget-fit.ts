/** What a budget leaves for a new piece of work, as the configurator and the wizard show it. */
export type BudgetFit =
  | { kind: "none" }
  | { kind: "fits"; remainingCents: number }
  | { kind: "exceeds"; remainingCents: number; overCents: number; hardLimit: boolean }
  | { kind: "limit" };

export interface BudgetLike {
  monthlyBudgetCents: number | null;
  remainingCents: number | null;
  hardLimit: boolean;
  limitReached: boolean;
}

/** `limit`: the hard limit has already stopped new work; `exceeds`: this estimate would cross the budget. */
export function budgetFit(budget: BudgetLike | null | undefined, estimateCents: number): BudgetFit {
  if (!budget || budget.monthlyBudgetCents === null || budget.remainingCents === null) return { kind: "none" };
  if (budget.hardLimit && budget.limitReached) return { kind: "limit" };
  const remainingCents = Math.max(0, budget.remainingCents);
  if (estimateCents > remainingCents) {
    return { kind: "exceeds", remainingCents, overCents: estimateCents - remainingCents, hardLimit: budget.hardLimit };
  }
  return { kind: "fits", remainingCents };
}

/** A monthly figure prorated to what is left of this UTC month (what a deployment started now adds to this month's bill). */
export function restOfMonthCents(monthlyCents: number, now: Date = new Date()): number {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return Math.round((monthlyCents * (end - now.getTime())) / (end - start));
}
