"use client";

import Link from "next/link";
import { AlertTriangle, Wallet } from "lucide-react";
import { formatCents } from "@/lib/pricing/money";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { budgetFit } from "./budget-fit";

/**
 * The remaining monthly budget beside an estimate, and a warning when the estimate would cross it
 * (with the hard limit on, the work would be stopped there). Nothing without a budget.
 */
export function BudgetNote({ estimateCents, what, className }: { estimateCents: number | null; what: string; className?: string }) {
  const budget = api.budgets.get.useQuery(undefined, { staleTime: 10_000 });
  if (!budget.data || estimateCents === null) return null;
  const fit = budgetFit(budget.data, estimateCents);
  if (fit.kind === "none") return null;
  const warn = fit.kind !== "fits";
  return (
    <p
      className={cn("flex items-start gap-1.5 text-xs", warn ? "text-amber-700 dark:text-amber-400" : "text-muted-foreground", className)}
      data-testid="budget-note"
      data-fit={fit.kind}
      role={warn ? "status" : undefined}
    >
      {warn ? <AlertTriangle className="mt-px size-3.5 shrink-0" aria-hidden /> : <Wallet className="mt-px size-3.5 shrink-0" aria-hidden />}
      <span>
        {fit.kind === "fits" ? (
          <>{formatCents(fit.remainingCents)} of your monthly budget left.</>
        ) : fit.kind === "limit" ? (
          <>Your budget&apos;s hard limit is reached: {what} would be refused. </>
        ) : (
          <>
            {formatCents(fit.remainingCents)} of your budget left: {what} would go {formatCents(fit.overCents)} over
            {fit.hardLimit ? " and be stopped at the limit." : "."}{" "}
          </>
        )}
        {warn ? (
          <Link href="/settings" className="font-medium underline underline-offset-2">
            Budget settings
          </Link>
        ) : null}
      </span>
    </p>
  );
}
