import Link from "next/link";
import { formatNumber, formatRelative } from "@/lib/format";
import { formatCents } from "@/lib/pricing/money";
import type { RouterOutputs } from "@/trpc/react";
import { JobStatusBadge, ProgressBar } from "../fine-tuning/job-status-badge";
import { CardEmpty, DashboardCard } from "./dashboard-card";

type Job = RouterOutputs["dashboard"]["summary"]["activeJobs"][number];

/** Training that runs now, with its progress (the dashboard refetches while any is live). */
export function ActiveJobs({ jobs }: { jobs: Job[] }) {
  return (
    <DashboardCard title="Active training" href="/fine-tuning" linkLabel="All jobs" testId="active-jobs">
      {jobs.length === 0 ? (
        <CardEmpty text="No training is running. Pick a ready dataset and a base model to start one." href="/fine-tuning/new" action="New fine-tune" />
      ) : (
        <ul className="flex flex-col gap-4">
          {jobs.map((j) => (
            <li key={j.id} className="flex flex-col gap-1.5" data-testid="active-job" data-progress={j.progress}>
              <div className="flex items-center gap-2 text-sm">
                <Link href={`/fine-tuning/jobs/${j.id}`} className="min-w-0 flex-1 truncate font-medium outline-none hover:underline focus-visible:underline">
                  {j.name}
                </Link>
                <JobStatusBadge status={j.status} />
              </div>
              <ProgressBar value={j.progress} label={`${j.name} progress`} />
              <div className="flex flex-wrap justify-between gap-x-3 text-xs text-muted-foreground tabular-nums">
                <span>
                  Step {formatNumber(j.currentStep)} of {formatNumber(j.totalSteps)} · {Math.round(j.progress)}%
                </span>
                <span>
                  {formatCents(j.costSoFarCents)} so far
                  {j.estimatedCompletionAt ? ` · done ${formatRelative(j.estimatedCompletionAt)}` : ""}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  );
}
