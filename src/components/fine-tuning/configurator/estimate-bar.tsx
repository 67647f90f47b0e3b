"use client";

import { Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatCents } from "@/lib/pricing";
import { formatTrainingDuration } from "@/lib/pricing/training";
import { useLiveEstimate } from "./use-live-estimate";

/** On narrow screens the estimate panel sits below the form: this bar keeps the total and Start in reach. */
export function EstimateBar(props: { formId: string; busy: boolean }) {
  const live = useLiveEstimate();
  return (
    <div className="sticky bottom-0 z-10 -mx-4 mt-2 md:-mx-8 lg:hidden" data-testid="estimate-bar">
      <div className="flex items-center gap-3 border-t bg-background/80 px-4 py-3 shadow-[0_-8px_24px_-12px_rgb(0_0_0/0.25)] backdrop-blur-md md:px-8">
        <div className="flex min-w-0 flex-1 flex-col" aria-hidden>
          {live.ok ? (
            <>
              <span className="text-lg font-semibold tabular-nums">{formatCents(live.estimate.totalCents)}</span>
              <span className="text-xs text-muted-foreground">≈ {formatTrainingDuration(live.estimate.durationSeconds)}</span>
            </>
          ) : (
            <span className="text-xs text-muted-foreground">Choose a dataset and a model for the estimate.</span>
          )}
        </div>
        {/* The panel's Start button is the same action; this one is a shortcut, skipped by Tab. */}
        <Button type="submit" form={props.formId} disabled={props.busy} tabIndex={-1}>
          {props.busy ? <Spinner /> : <Play />}
          Start training
        </Button>
      </div>
    </div>
  );
}
