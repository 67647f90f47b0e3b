/**
 * Budget thresholds. A user's monthly budget (whole cents) is compared with the month's spend (the
 * ledger's micro-cents): the 80% alert once spend reaches 80% of it, the 100% alert (and, with the hard
 * limit on, the stop) once it reaches the budget. Each alert is sent once per UTC month.
 */
import { MICRO_PER_CENT, microToCents } from "./types";

export const BUDGET_THRESHOLDS = [80, 100] as const;
export type BudgetThreshold = (typeof BUDGET_THRESHOLDS)[number];

export interface BudgetStatus {
  monthlyBudgetCents: number | null;
  hardLimit: boolean;
  spentCents: number;
  /** Budget minus spend, never below zero; null without a budget. */
  remainingCents: number | null;
  /** Spend as a share of the budget, in percent with one decimal; null without a budget. */
  percentUsed: number | null;
  /** The thresholds spend has reached. */
  reached: BudgetThreshold[];
  /** The hard limit is on and the budget is used up: new work is refused and running work stopped. */
  limitReached: boolean;
}

export function budgetStatus(
  spentMicro: number,
  budget: { monthlyBudgetCents: number | null; hardLimit: boolean } | null,
): BudgetStatus {
  const cents = budget?.monthlyBudgetCents ?? null;
  const spentCents = microToCents(spentMicro);
  if (cents === null || cents <= 0) {
    return {
      monthlyBudgetCents: null,
      hardLimit: budget?.hardLimit ?? false,
      spentCents,
      remainingCents: null,
      percentUsed: null,
      reached: [],
      limitReached: false,
    };
  }
  const budgetMicro = cents * MICRO_PER_CENT;
  // Compared as integers: spent × 100 ≥ budget × threshold.
  const reached = BUDGET_THRESHOLDS.filter((t) => spentMicro * 100 >= budgetMicro * t);
  const hardLimit = budget?.hardLimit ?? false;
  return {
    monthlyBudgetCents: cents,
    hardLimit,
    spentCents,
    remainingCents: Math.max(0, cents - spentCents),
    percentUsed: Math.round((spentMicro * 1000) / budgetMicro) / 10,
    reached,
    limitReached: hardLimit && reached.includes(100),
  };
}

export interface EstimateBudget {
  monthlyBudgetCents: number;
  hardLimit: boolean;
  remainingCents: number;
  /** The estimate would take the month's spend past the budget. */
  wouldExceed: boolean;
  /** The hard limit has been reached: the work would be refused. */
  limitReached: boolean;
}

/** An estimate beside the remaining budget (what the configurator and the wizard warn with); null without a budget. */
export function estimateAgainstBudget(status: BudgetStatus, estimateCents: number): EstimateBudget | null {
  if (status.monthlyBudgetCents === null || status.remainingCents === null) return null;
  return {
    monthlyBudgetCents: status.monthlyBudgetCents,
    hardLimit: status.hardLimit,
    remainingCents: status.remainingCents,
    wouldExceed: estimateCents > status.remainingCents,
    limitReached: status.limitReached,
  };
}
