"use client";

import { Card, CardContent } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { isLive } from "@/lib/training-lifecycle";
import type { RouterOutputs } from "@/trpc/react";
import { ProgressBar } from "../job-status-badge";
import { StageIndicator } from "./stage-indicator";
import { elapsedText, etaText } from "./series";
import { useNow } from "./use-now";

type Job = RouterOutputs["fineTuning"]["byId"];

/** Stage, progress with ETA, epoch and step, time elapsed. */
export function ProgressCard({ job }: { job: Job }) {
  const live = isLive(job.status);
  const now = useNow(live);
  const eta = live && now !== null ? etaText(job.estimatedCompletionAt, now) : null;
  // A job that has ended stops the clock (at its completion, else its last update).
  const end = job.completedAt ?? (live ? now : job.updatedAt);
  const tone = job.status === "completed" ? "done" : live ? "live" : "stopped";
  const facts: Array<[string, string, string]> = [
    ["epoch", "Epoch", job.currentEpoch > 0 ? `${job.currentEpoch} of ${job.totalEpochs}` : "—"],
    [
      "step",
      "Step",
      job.totalSteps > 0 ? `${formatNumber(job.currentStep)} of ${formatNumber(job.totalSteps)}` : "—",
    ],
    [
      "elapsed",
      "Elapsed",
      !job.startedAt ? "Not started" : end === null ? "…" : elapsedText(job.startedAt, end),
    ],
  ];
  return (
    <Card className="gap-5 py-5">
      <CardContent className="flex flex-col gap-5 px-4 md:px-5">
        <StageIndicator status={job.status} stage={job.stage} />
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="text-2xl font-semibold tabular-nums" data-testid="job-progress" data-value={job.progress}>
              {Math.round(job.progress)}%
            </span>
            {eta ? (
              <span className="text-sm text-muted-foreground" data-testid="job-eta">
                Done {eta}
              </span>
            ) : null}
          </div>
          <ProgressBar value={job.progress} tone={tone} label="Training progress" className="h-2" />
        </div>
        <dl className="grid grid-cols-3 gap-2 text-center">
          {facts.map(([id, label, value]) => (
            <div key={id} className="rounded-lg bg-muted/50 px-2 py-2" data-testid={`job-${id}`}>
              <dt className="text-[11px] text-muted-foreground">{label}</dt>
              <dd className="text-sm font-medium tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
