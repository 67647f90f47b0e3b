"use client";

import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { formatCents } from "@/lib/pricing/money";
import { BudgetBar, type BudgetView } from "../costs/budget-bar";

/** This month against the budget, and which alerts have been sent. */
export function BudgetStatus({ budget }: { budget: BudgetView }) {
  return (
    <div className="flex flex-col gap-3" data-testid="budget-status">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-sm text-muted-foreground">Spent this month ({budget.period}, UTC)</span>
        <span className="text-2xl font-semibold tabular-nums">{formatCents(budget.spentCents)}</span>
      </div>
      <BudgetBar budget={budget} />
      {budget.monthlyBudgetCents !== null ? (
        <ul className="flex flex-col gap-1.5 text-sm" aria-label="Alerts this month">
          {([80, 100] as const).map((level) => {
            const sent = budget.reached.includes(level);
            return (
              <li key={level} className="flex items-center gap-2" data-testid={`budget-alert-${level}`} data-sent={sent}>
                {sent ? <AlertTriangle className="size-4 text-amber-500" aria-hidden /> : <CheckCircle2 className="size-4 text-muted-foreground" aria-hidden />}
                {level}% alert {sent ? "sent" : "not reached"}
              </li>
            );
          })}
        </ul>
      ) : null}
      {budget.limitReached && budget.hardLimit ? (
        <p role="status" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          The hard limit has stopped new work this month. Raise the budget or turn the hard limit off to start training or deploy again.
        </p>
      ) : null}
    </div>
  );
}
