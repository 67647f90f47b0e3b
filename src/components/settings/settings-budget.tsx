"use client";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { BudgetForm } from "./budget-form";
import { BudgetStatus } from "./budget-status";

/** The budget settings: the form beside this month's status. */
export function SettingsBudget() {
  const budget = api.budgets.get.useQuery(undefined, { refetchInterval: 15_000 });
  if (budget.isError) {
    return <EmptyState title="Could not load your budget" description={budget.error.message} action={<Button onClick={() => budget.refetch()}>Try again</Button>} />;
  }
  if (!budget.data) return <Skeleton className="h-72 w-full" role="status" aria-label="Loading your budget" />;
  return (
    <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
      <Card className="gap-4 py-5">
        <CardHeader className="px-5">
          <CardTitle>Monthly budget</CardTitle>
          <CardDescription>Know what you spend before the bill, and cap it if you want.</CardDescription>
        </CardHeader>
        <CardContent className="px-5">
          <BudgetForm budget={budget.data} />
        </CardContent>
      </Card>
      <Card className="gap-4 py-5">
        <CardHeader className="px-5">
          <CardTitle>This month</CardTitle>
        </CardHeader>
        <CardContent className="px-5">
          <BudgetStatus budget={budget.data} />
        </CardContent>
      </Card>
    </div>
  );
}
