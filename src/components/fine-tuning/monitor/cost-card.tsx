import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCents } from "@/lib/pricing";
import type { RouterOutputs } from "@/trpc/react";
import { ProgressBar } from "../job-status-badge";

type Job = RouterOutputs["fineTuning"]["byId"];

/** What the job has cost so far against what was estimated when it started (only completed steps are billed). */
export function CostCard({ job }: { job: Job }) {
  // Once a job has ended it is billed its final cost (completed steps only); until then, the cost so far.
  const cents = job.finalCostCents ?? job.costSoFarCents;
  const share = job.estimatedTotalCents > 0 ? (cents / job.estimatedTotalCents) * 100 : 0;
  const stopped = job.status === "cancelled" || job.status === "failed";
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Cost</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 px-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="flex flex-col">
            <span className="text-[11px] text-muted-foreground">{job.finalCostCents === null ? "So far" : "Billed"}</span>
            <span className="text-2xl font-semibold tabular-nums" data-testid="cost-so-far" data-cents={cents}>
              {formatCents(cents)}
            </span>
          </span>
          <span className="text-sm text-muted-foreground tabular-nums" data-testid="cost-estimate" data-cents={job.estimatedTotalCents}>
            of {formatCents(job.estimatedTotalCents)} estimated
          </span>
        </div>
        <ProgressBar value={share} label="Cost so far against the estimate" tone={stopped ? "stopped" : "live"} />
        <ul className="flex flex-col gap-1 text-xs text-muted-foreground">
          {job.estimate.lines.map((l) => (
            <li key={l.id} className="flex justify-between gap-3">
              <span>{l.label}</span>
              <span className="tabular-nums">{formatCents(l.cents)}</span>
            </li>
          ))}
        </ul>
        {stopped ? (
          <p className="text-xs text-muted-foreground">Billed for the steps that completed before it stopped.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}
