"use client";

import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/shell/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { ActiveJobs } from "./active-jobs";
import { ActivityFeed } from "./activity-feed";
import { RecentDatasets } from "./recent-datasets";
import { StatCards } from "./stat-cards";

/** The dashboard's cards while they load. */
export function DashboardSkeleton() {
  return (
    <LoadingRegion label="Loading the dashboard">
      <Skeleton className="h-28 w-full" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    </LoadingRegion>
  );
}

// Live jobs move every few seconds; otherwise the cards only need an occasional refresh.
const LIVE_MS = 2_000;
const IDLE_MS = 30_000;

/** The signed-in home: stat cards, recent datasets, live training and the activity feed. */
export function DashboardView() {
  const summary = api.dashboard.summary.useQuery(undefined, {
    refetchInterval: (q) => ((q.state.data?.activeJobs.length ?? 0) > 0 ? LIVE_MS : IDLE_MS),
  });
  if (summary.isError) {
    return <EmptyState title="Could not load the dashboard" description={summary.error.message} action={<Button onClick={() => summary.refetch()}>Try again</Button>} />;
  }
  if (!summary.data) return <DashboardSkeleton />;
  const d = summary.data;
  return (
    <div className="flex flex-col gap-6">
      <StatCards stats={d.stats} />
      <div className="grid gap-4 lg:grid-cols-2">
        <ActiveJobs jobs={d.activeJobs} />
        <RecentDatasets datasets={d.recentDatasets} />
      </div>
      <ActivityFeed items={d.recentActivity} />
    </div>
  );
}
