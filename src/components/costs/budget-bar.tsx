import Link from "next/link";
import { formatCents } from "@/lib/pricing/money";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";

export type BudgetView = RouterOutputs["budgets"]["get"];

/** Spent against the monthly budget: a bar that turns amber at 80% and red at 100%, and what is left. */
export function BudgetBar({ budget, className, inLink = false }: { budget: BudgetView; className?: string; inLink?: boolean }) {
  if (budget.monthlyBudgetCents === null) {
    // Inside a card that is itself a link, a nested <a> would be invalid HTML (the parser splits it).
    if (inLink) {
      return (
        <p className={cn("text-xs text-muted-foreground", className)} data-testid="budget-bar" data-state="none">
          No monthly budget set
        </p>
      );
    }
    return (
      <p className={cn("text-sm text-muted-foreground", className)} data-testid="budget-bar" data-state="none">
        No monthly budget.{" "}
        <Link href="/settings" className="font-medium text-foreground underline-offset-4 hover:underline">
          Set one
        </Link>{" "}
        to be warned at 80% and 100%.
      </p>
    );
  }
  const percent = budget.percentUsed ?? 0;
  const tone = percent >= 100 ? "bg-destructive" : percent >= 80 ? "bg-amber-500" : "bg-primary";
  const remaining = budget.remainingCents ?? 0;
  return (
    <div className={cn("flex flex-col gap-1.5", className)} data-testid="budget-bar" data-percent={percent}>
      <div
        role="progressbar"
        aria-label="Budget used"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, Math.round(percent))}
        aria-valuetext={`${percent}% of ${formatCents(budget.monthlyBudgetCents)}`}
        className="h-2 w-full overflow-hidden rounded-full bg-muted"
      >
        <div className={cn("h-full w-full origin-left rounded-full", tone)} style={{ transform: `scaleX(${Math.min(100, percent) / 100})` }} />
      </div>
      <div className="flex flex-wrap justify-between gap-x-3 text-xs text-muted-foreground tabular-nums">
        <span>
          {formatCents(budget.spentCents)} of {formatCents(budget.monthlyBudgetCents)} ({percent}%)
        </span>
        <span className={cn(remaining <= 0 && "font-medium text-destructive")}>
          {remaining > 0 ? `${formatCents(remaining)} left` : "Budget used up"}
          {budget.hardLimit ? " · hard limit on" : ""}
        </span>
      </div>
    </div>
  );
}
