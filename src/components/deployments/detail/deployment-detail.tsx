"use client";

import Link from "next/link";
import { ArrowLeft, TriangleAlert } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/shell/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { isTransient } from "@/lib/deployment-lifecycle";
import { formatRelative } from "@/lib/format";
import { api } from "@/trpc/react";
import { StatusBadge } from "../status-badge";
import { DeploymentActions } from "./deployment-actions";
import { DeploymentTabs } from "./deployment-tabs";

/** One deployment's page while it loads. */
export function DeploymentSkeleton() {
  return (
    <LoadingRegion label="Loading deployment">
      <Skeleton className="h-10 w-72" />
      <Skeleton className="h-40 w-full" />
    </LoadingRegion>
  );
}

/** One deployment: status and actions, then its tabs (overview, metrics, requests, API). */
export function DeploymentDetail({ id }: { id: string }) {
  const query = api.deployments.byId.useQuery(
    { id },
    { refetchInterval: (q) => (q.state.data && isTransient(q.state.data.status) ? 1000 : false) },
  );

  if (query.isPending) return <DeploymentSkeleton />;
  if (query.isError) {
    return (
      <EmptyState
        title={query.error.data?.code === "NOT_FOUND" ? "Deployment not found" : "Could not load the deployment"}
        description={query.error.message}
        action={<Button onClick={() => query.refetch()}>Try again</Button>}
      />
    );
  }
  const d = query.data;
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/deployments">
          <ArrowLeft /> All deployments
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="font-mono">{d.name}</span>
            <StatusBadge status={d.status} className="text-sm" />
          </span>
        }
        description={`${d.modelId} · created ${formatRelative(d.createdAt)}`}
        actions={<DeploymentActions id={d.id} name={d.name} status={d.status} />}
      />
      {d.status === "failed" && d.statusReason ? (
        <p className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive" role="alert">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {d.statusReason}
        </p>
      ) : null}
      <DeploymentTabs d={d} />
    </>
  );
}
