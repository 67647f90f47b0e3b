"use client";

import { useEffect } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { describedBy, Field } from "@/components/deployments/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { formatCents } from "@/lib/pricing/money";
import { api } from "@/trpc/react";
import type { BudgetView } from "../costs/budget-bar";
import { type BudgetFormInput, type BudgetFormOutput, budgetFormSchema, centsToDollarsText } from "./budget-schema";

function valuesOf(b: Pick<BudgetView, "monthlyBudgetCents" | "hardLimit">): BudgetFormInput {
  return { amount: centsToDollarsText(b.monthlyBudgetCents), hardLimit: b.hardLimit };
}

/** The monthly budget in dollars (empty: none) and the hard limit; saving checks the budget at once. */
export function BudgetForm({ budget }: { budget: BudgetView }) {
  const utils = api.useUtils();
  const form = useForm<BudgetFormInput, unknown, BudgetFormOutput>({ resolver: zodResolver(budgetFormSchema), defaultValues: valuesOf(budget) });
  // Only a change to what is stored resets the form: the spend refreshes every few seconds while someone types.
  const { monthlyBudgetCents, hardLimit } = budget;
  useEffect(() => form.reset(valuesOf({ monthlyBudgetCents, hardLimit })), [form, monthlyBudgetCents, hardLimit]);
  const set = api.budgets.set.useMutation({
    onSuccess: async (view) => {
      utils.budgets.get.setData(undefined, view);
      toast.success(view.monthlyBudgetCents === null ? "Budget removed" : `Budget set to ${formatCents(view.monthlyBudgetCents)} a month`);
      await Promise.all([utils.costs.summary.invalidate(), utils.dashboard.summary.invalidate(), utils.notifications.invalidate()]);
    },
    onError: (e) => toast.error(e.message),
  });
  const { errors, isDirty } = form.formState;
  const amountError = errors.amount?.message;
  return (
    <form
      aria-label="Monthly budget"
      noValidate
      className="flex flex-col gap-5"
      onSubmit={form.handleSubmit((v) => set.mutate({ monthlyBudgetCents: v.amount, hardLimit: v.hardLimit }))}
    >
      <Field
        name="budget-amount"
        label="Monthly budget (USD)"
        hint="Per UTC calendar month. Leave empty for no budget. You are notified at 80% and at 100%, once each a month."
        error={amountError}
      >
        <div className="relative sm:w-56">
          <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm text-muted-foreground">$</span>
          <Input
            inputMode="decimal"
            autoComplete="off"
            placeholder="No budget"
            className="pl-6 tabular-nums"
            {...describedBy("budget-amount", { error: amountError, hint: true })}
            {...form.register("amount")}
          />
        </div>
      </Field>
      <div className="flex items-start gap-3 rounded-lg border p-4">
        <Controller
          control={form.control}
          name="hardLimit"
          render={({ field }) => (
            <Switch
              id="budget-hard-limit"
              checked={field.value}
              onCheckedChange={field.onChange}
              onBlur={field.onBlur}
              aria-describedby="budget-hard-limit-hint"
              className="mt-0.5"
            />
          )}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="budget-hard-limit" className="text-sm font-medium">
            Hard limit: stop spending at 100%
          </label>
          <p id="budget-hard-limit-hint" className="text-xs text-muted-foreground">
            When the month&apos;s spend reaches the budget, running training jobs are cancelled (you pay only for the steps they
            completed), running deployments are paused, and new training jobs and deployments are refused until you raise the
            budget, turn this off, or the next month starts. Off: you are only warned.
          </p>
        </div>
      </div>
      <div className="flex justify-end gap-2">
        {isDirty ? (
          <Button type="button" variant="ghost" onClick={() => form.reset()}>
            Discard
          </Button>
        ) : null}
        <Button type="submit" disabled={!isDirty || set.isPending}>
          {set.isPending ? <Spinner /> : null}
          Save budget
        </Button>
      </div>
    </form>
  );
}
