"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCents } from "@/lib/pricing/money";
import type { RouterOutputs } from "@/trpc/react";
import { BudgetBar } from "./budget-bar";

type Summary = RouterOutputs["costs"]["summary"];

function monthLabel(periodStart: Date): string {
  return periodStart.toLocaleDateString("en", { month: "long", year: "numeric", timeZone: "UTC" });
}

function runningText(r: Summary["running"]): string {
  const parts: string[] = [];
  if (r.deployments) parts.push(`${r.deployments} deployment${r.deployments === 1 ? "" : "s"}`);
  if (r.trainingJobs) parts.push(`${r.trainingJobs} training job${r.trainingJobs === 1 ? "" : "s"}`);
  if (parts.length === 0) return "Nothing is running, so the month adds only storage.";
  return `${parts.join(" and ")} running${r.hourlyCents ? ` · ${formatCents(r.hourlyCents)}/hour` : ""}`;
}

/** Month to date, the forecast to month end from what runs now, and the budget. */
export function SummaryCards({ summary }: { summary: Summary }) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <Card className="gap-2 py-5">
        <CardHeader className="px-5">
          <CardDescription>Month to date · {monthLabel(summary.periodStart)}</CardDescription>
          <CardTitle className="text-3xl tabular-nums" data-testid="costs-spent" data-cents={summary.spentCents}>
            {formatCents(summary.spentCents)}
          </CardTitle>
        </CardHeader>
        <CardContent className="px-5 text-xs text-muted-foreground">UTC month; updated as work runs.</CardContent>
      </Card>
      <Card className="gap-2 py-5">
        <CardHeader className="px-5">
          <CardDescription>Forecast to month end</CardDescription>
          <CardTitle className="text-3xl tabular-nums" data-testid="costs-forecast">
            {formatCents(summary.forecastCents)}
          </CardTitle>
        </CardHeader>
        <CardContent className="px-5 text-xs text-muted-foreground">{runningText(summary.running)}</CardContent>
      </Card>
      <Card className="gap-3 py-5">
        <CardHeader className="px-5">
          <CardDescription>Monthly budget</CardDescription>
          <CardTitle className="text-3xl tabular-nums">
            {summary.budget.monthlyBudgetCents === null ? "None" : formatCents(summary.budget.monthlyBudgetCents)}
          </CardTitle>
        </CardHeader>
        <CardContent className="px-5">
          <BudgetBar budget={summary.budget} />
        </CardContent>
      </Card>
    </div>
  );
}
