"use client";

import Link from "next/link";
import { ArrowLeft, Boxes, RotateCcw, TriangleAlert } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/shell/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { canCancel, isLive } from "@/lib/training-lifecycle";
import { PRESET_LABELS } from "@/lib/training/presets";
import { api } from "@/trpc/react";
import { JobStatusBadge } from "../job-status-badge";
import { RelativeTime } from "../relative-time";
import { CancelJobButton } from "./cancel-job-button";
import { CheckpointsCard } from "./checkpoints-card";
import { ConfigCard } from "./config-card";
import { CostCard } from "./cost-card";
import { LogPanel } from "./log-panel";
import { LossChart } from "./loss-chart";
import { MetricsCard } from "./metrics-card";
import { ProgressCard } from "./progress-card";
import { useJobLogs, useMetricsSeries } from "./use-live-series";

/** One training job's page while it loads. */
export function JobSkeleton() {
  return (
    <LoadingRegion label="Loading the training job">
      <Skeleton className="h-10 w-72" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-72 w-full" />
    </LoadingRegion>
  );
}

/**
 * The training monitor: everything comes from the database through the router and is refetched
 * every second while the job is live, so a reload or a second browser shows the same state.
 */
export function JobMonitor({ id }: { id: string }) {
  const query = api.fineTuning.byId.useQuery(
    { id },
    { refetchInterval: (q) => (q.state.data && isLive(q.state.data.status) ? 1000 : false) },
  );
  const live = query.data ? isLive(query.data.status) : false;
  const metrics = useMetricsSeries(id, live);
  const logs = useJobLogs(id, live);

  if (query.isPending) return <JobSkeleton />;
  if (query.isError) {
    return (
      <EmptyState
        title={query.error.data?.code === "NOT_FOUND" ? "Training job not found" : "Could not load the training job"}
        description={query.error.message}
        action={<Button onClick={() => query.refetch()}>Try again</Button>}
      />
    );
  }
  const job = query.data;
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/fine-tuning">
          <ArrowLeft /> All training jobs
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-words">{job.name}</span>
            <JobStatusBadge status={job.status} className="text-sm" />
          </span>
        }
        description={
          <>
            {job.model.name} on{" "}
            <Link href={`/datasets/${job.dataset.id}`} className="underline-offset-2 hover:underline">
              {job.dataset.name}
            </Link>{" "}
            · {PRESET_LABELS[job.config.presetId]} preset · started <RelativeTime date={job.createdAt} />
          </>
        }
        actions={
          <>
            {job.artifactId ? (
              <Button asChild>
                <Link href={`/models/artifacts/${job.artifactId}`}>
                  <Boxes /> View trained model
                </Link>
              </Button>
            ) : null}
            {canCancel(job.status) ? <CancelJobButton id={job.id} name={job.name} /> : null}
            {!live ? (
              <Button asChild variant="outline">
                <Link href={`/fine-tuning/new?dataset=${encodeURIComponent(job.dataset.id)}`}>
                  <RotateCcw /> Train again
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {job.status === "failed" && job.errorMessage ? (
        <p
          className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive"
          role="alert"
        >
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {job.errorMessage}
        </p>
      ) : null}
      {/* Two columns on wide screens; on phones one, in the order a glance needs (the columns'
          boxes dissolve and `order` interleaves their cards: progress, metrics, cost, then the rest). */}
      <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-1 min-w-0 lg:order-none">
            <ProgressCard job={job} />
          </div>
          <div className="order-4 min-w-0 lg:order-none">
            <LossChart points={metrics.data} pending={metrics.isPending} />
          </div>
          <div className="order-5 min-w-0 lg:order-none">
            <CheckpointsCard id={job.id} live={live} />
          </div>
          <div className="order-6 min-w-0 lg:order-none">
            <LogPanel lines={logs.data?.items ?? []} pending={logs.isPending} />
          </div>
        </div>
        <div className="contents lg:flex lg:min-w-0 lg:flex-col lg:gap-4">
          <div className="order-2 lg:order-none">
            <MetricsCard job={job} />
          </div>
          <div className="order-3 lg:order-none">
            <CostCard job={job} />
          </div>
          <div className="order-7 lg:order-none">
            <ConfigCard config={job.config} />
          </div>
        </div>
      </div>
    </>
  );
}
