"use client";

import Link from "next/link";
import { ArrowLeft, TriangleAlert } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/shell/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { formatRelative } from "@/lib/format";
import { api } from "@/trpc/react";
import { isTransient } from "@/lib/dataset-lifecycle";
import { DatasetStatusBadge } from "../status-badge";
import { formatBytes } from "@/lib/datasets/upload-target";
import { DatasetActions } from "./dataset-actions";
import { EditForm } from "./edit-form";
import { Facts } from "./facts";
import { ReportSections } from "./report-sections";
import { SectionCard } from "./section-card";
import { Timeline } from "./timeline";

export function DetailSkeleton() {
  return (
    <LoadingRegion label="Loading dataset">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-10 w-72" />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Skeleton className="h-80 w-full" />
        <Skeleton className="h-80 w-full" />
      </div>
    </LoadingRegion>
  );
}

/** One dataset: status and actions, the server's report, rename/describe, file facts and timeline. */
export function DatasetDetail({ id }: { id: string }) {
  const query = api.datasets.byId.useQuery({ id }, { refetchInterval: (q) => (q.state.data && isTransient(q.state.data.status) ? 1000 : false) });

  if (query.isPending) return <DetailSkeleton />;
  if (query.isError) {
    return (
      <EmptyState
        title={query.error.data?.code === "NOT_FOUND" ? "Dataset not found" : "Could not load the dataset"}
        description={query.error.message}
        action={
          query.error.data?.code === "NOT_FOUND" ? (
            <Button asChild>
              <Link href="/datasets">All datasets</Link>
            </Button>
          ) : (
            <Button onClick={() => query.refetch()}>Try again</Button>
          )
        }
      />
    );
  }
  const d = query.data;
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href="/datasets">
          <ArrowLeft /> All datasets
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all">{d.name}</span>
            <DatasetStatusBadge status={d.status} className="text-sm" />
          </span>
        }
        description={d.description || `${d.fileName} · ${formatBytes(d.fileSize)} · added ${formatRelative(d.createdAt)}`}
        actions={<DatasetActions id={d.id} name={d.name} fileName={d.fileName} status={d.status} />}
      />
      {d.status === "error" ? (
        <p className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive" role="alert">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          {d.statusReason ?? "The file did not pass validation."} Fix the lines listed below and upload the file again.
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <ReportSections d={d} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <SectionCard title="Name and description">
            <EditForm id={d.id} name={d.name} description={d.description} />
          </SectionCard>
          <SectionCard title="File">
            <Facts d={d} />
          </SectionCard>
          <SectionCard title="Timeline">
            <Timeline d={d} />
          </SectionCard>
        </div>
      </div>
    </>
  );
}
