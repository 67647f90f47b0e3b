"use client";

import Link from "next/link";
import { Clock, Play } from "lucide-react";
import { BudgetNote } from "@/components/costs/budget-note";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { formatNumber } from "@/lib/format";
import { formatCents } from "@/lib/pricing";
import { formatTrainingDuration } from "@/lib/pricing/training";
import type { TrainingField } from "@/lib/training/schema";
import { type StartError, StartErrorBanner } from "./start-error-banner";
import { ESTIMATE_PENDING_TEXT, useLiveEstimate } from "./use-live-estimate";

/**
 * The live estimate beside the form (below it on phones): total, duration, the compute and storage
 * lines and what they are made of, then Start training and any error that belongs to no field.
 */
export function EstimatePanel(props: {
  formId: string;
  busy: boolean;
  error: StartError | null;
  onField: (field: TrainingField) => void;
}) {
  const live = useLiveEstimate();
  return (
    <Card className="gap-4 py-5" data-testid="estimate-panel">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Estimate</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-5" aria-live="polite">
        {live.ok ? (
          <>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <span
                className="text-3xl font-semibold tabular-nums"
                data-testid="estimate-total"
                data-cents={live.estimate.totalCents}
              >
                {formatCents(live.estimate.totalCents)}
              </span>
              <span className="flex items-center gap-1.5 text-sm text-muted-foreground" data-testid="estimate-duration">
                <Clock className="size-3.5" aria-hidden />≈ {formatTrainingDuration(live.estimate.durationSeconds)}
              </span>
            </div>
            <BudgetNote estimateCents={live.estimate.totalCents} what="this job" />
            <ul className="flex flex-col gap-2 text-sm">
              {live.estimate.lines.map((l) => (
                <li key={l.id} className="flex items-start justify-between gap-3" data-testid={`estimate-${l.id}`}>
                  <span className="flex min-w-0 flex-col">
                    <span>{l.label}</span>
                    <span className="text-xs text-muted-foreground">{l.detail}</span>
                  </span>
                  <span className="tabular-nums">{formatCents(l.cents)}</span>
                </li>
              ))}
            </ul>
            <dl className="grid grid-cols-2 gap-2 border-t pt-3 text-xs">
              <div>
                <dt className="text-muted-foreground">Steps</dt>
                <dd className="tabular-nums" data-testid="estimate-steps">
                  {formatNumber(live.estimate.stepsPerEpoch)} × {formatNumber(live.estimate.checkpoints)} epochs ={" "}
                  {formatNumber(live.estimate.totalSteps)}
                </dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Throughput</dt>
                <dd className="tabular-nums">{formatNumber(live.estimate.tokensPerSecond)} tokens/s</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Tokens per epoch</dt>
                <dd className="tabular-nums">{formatNumber(live.estimate.trainTokensPerEpoch)}</dd>
              </div>
              <div>
                <dt className="text-muted-foreground">Checkpoints kept</dt>
                <dd className="tabular-nums">{formatNumber(live.estimate.checkpoints)} (all)</dd>
              </div>
            </dl>
          </>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="estimate-total">
            {ESTIMATE_PENDING_TEXT[live.reason]}
          </p>
        )}
        {props.error ? <StartErrorBanner error={props.error} onField={props.onField} /> : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row lg:flex-col-reverse xl:flex-row">
          <Button asChild variant="outline" className="sm:flex-1">
            <Link href="/fine-tuning">Cancel</Link>
          </Button>
          <Button type="submit" form={props.formId} disabled={props.busy} className="sm:flex-[2]">
            {props.busy ? <Spinner /> : <Play />}
            Start training
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
