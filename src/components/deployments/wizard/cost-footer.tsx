"use client";

import { memo, useId, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { ChevronUp, Rocket } from "lucide-react";
import { restOfMonthCents } from "@/components/costs/budget-fit";
import { BudgetNote } from "@/components/costs/budget-note";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatCents, tryPriceDeployment } from "@/lib/pricing";
import { cn } from "@/lib/utils";
import { CostBreakdown } from "../cost-breakdown";
import { useSelectedModel, useWizardForm } from "./use-wizard-form";

/**
 * The sticky footer: live hourly cost and monthly band, an expandable breakdown, and Deploy. It is
 * the only part that re-renders on every pricing-relevant change (it watches just those fields).
 */
export const CostFooter = memo(function CostFooter({ formId, busy }: { formId: string; busy: boolean }) {
  const { control } = useWizardForm();
  const model = useSelectedModel();
  const [hardware, scaling, region, security] = useWatch({
    control,
    name: ["hardware", "scaling", "environment.region", "security"],
  });
  const price = useMemo(
    () => tryPriceDeployment({ hardware, scaling, environment: { region }, security }, model),
    [hardware, scaling, region, security, model],
  );
  const [open, setOpen] = useState(false);
  const panelId = useId();

  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-2 md:-mx-8" data-testid="cost-footer">
      <div className="border-t bg-background/75 px-4 py-3 shadow-[0_-8px_24px_-12px_rgb(0_0_0/0.25)] backdrop-blur-md supports-[backdrop-filter]:bg-background/60 md:px-8">
        {open && price ? (
          <div className="mx-auto mb-3 max-h-[40dvh] max-w-6xl overflow-y-auto rounded-lg border bg-background/80 p-3">
            <CostBreakdown price={price} id={panelId} />
          </div>
        ) : null}
        <div className="mx-auto flex max-w-6xl items-center gap-3">
          <div className="flex min-w-0 flex-1 flex-col gap-0.5" aria-live="polite">
            {price ? (
              <>
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <span className="text-xl font-semibold tabular-nums" data-testid="cost-hourly">
                    {formatCents(price.hourlyCents)}
                    <span className="text-sm font-normal text-muted-foreground">/hour</span>
                  </span>
                  <span className="hidden text-xs text-muted-foreground sm:inline">per replica while running</span>
                </div>
                <span className="text-xs text-muted-foreground tabular-nums" data-testid="cost-monthly">
                  <span className="font-medium text-foreground">{formatCents(price.monthly.expectedCents, { whole: true })}</span>
                  /mo expected · <span className="hidden sm:inline">range </span>
                  {formatCents(price.monthly.minCents, { whole: true })}–{formatCents(price.monthly.maxCents, { whole: true })}
                </span>
                {/* This month's share of the expected cost: what the deployment adds to the bill the budget caps. */}
                <BudgetNote estimateCents={restOfMonthCents(price.monthly.expectedCents)} what="deploying" />
              </>
            ) : (
              <span className="text-sm text-muted-foreground" data-testid="cost-hourly">
                Complete hardware and scaling to see the cost.
              </span>
            )}
          </div>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            aria-expanded={open}
            aria-controls={panelId}
            disabled={!price}
            onClick={() => setOpen((o) => !o)}
          >
            <ChevronUp className={cn("transition-transform", !open && "rotate-180")} />
            <span className="hidden sm:inline">Breakdown</span>
            <span className="sr-only sm:hidden">Cost breakdown</span>
          </Button>
          <Button type="submit" form={formId} size="lg" disabled={busy}>
            {busy ? <Spinner /> : <Rocket />}
            Deploy
          </Button>
        </div>
      </div>
    </div>
  );
});
