"use client";

import Link from "next/link";
import { ArrowLeft, Rocket } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadingRegion } from "@/components/shell/loading-skeletons";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { ConfigCard } from "../fine-tuning/monitor/config-card";
import { LossChart } from "../fine-tuning/monitor/loss-chart";
import { useMetricsSeries } from "../fine-tuning/monitor/use-live-series";
import { RelativeTime } from "../fine-tuning/relative-time";
import { DeleteArtifactButton } from "./delete-artifact-button";
import { FilesCard } from "./files-card";
import { LineageCard } from "./lineage-card";
import { QualityCard } from "./quality-card";
import { RenameDialog } from "./rename-dialog";
import { SummaryCard } from "./summary-card";

/** One trained model's page while it loads. */
export function ArtifactSkeleton() {
  return (
    <LoadingRegion label="Loading the model">
      <Skeleton className="h-10 w-72" />
      <Skeleton className="h-48 w-full" />
    </LoadingRegion>
  );
}

/** The loss curve of the run that made it (read once: the job is over). */
function TrainingCurve({ jobId }: { jobId: string }) {
  const metrics = useMetricsSeries(jobId, false);
  return <LossChart points={metrics.data} pending={metrics.isPending} />;
}

/** A trained adapter: quality, how it was trained, its files, lineage, and Deploy. */
export function ArtifactDetail({ id }: { id: string }) {
  const query = api.artifacts.byId.useQuery({ id });

  if (query.isPending) return <ArtifactSkeleton />;
  if (query.isError) {
    return (
      <EmptyState
        title={query.error.data?.code === "NOT_FOUND" ? "Model not found" : "Could not load the model"}
        description={query.error.message}
        action={<Button onClick={() => query.refetch()}>Try again</Button>}
      />
    );
  }
  const a = query.data;
  return (
    <>
      <Button asChild variant="ghost" size="sm" className="w-fit">
        <Link href={`/fine-tuning/jobs/${a.jobId}`}>
          <ArrowLeft /> Training job
        </Link>
      </Button>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-words" data-testid="artifact-name">
              {a.name}
            </span>
            <Badge variant="secondary" className="font-mono">
              v{a.version}
            </Badge>
          </span>
        }
        description={
          <>
            {a.description ? <span className="block">{a.description}</span> : null}
            LoRA adapter for {a.baseModel.name} · trained <RelativeTime date={a.createdAt} />
          </>
        }
        actions={
          <>
            <Button asChild>
              <Link href={`/deployments/new?artifact=${a.id}`}>
                <Rocket /> Deploy
              </Link>
            </Button>
            <RenameDialog id={a.id} name={a.name} description={a.description ?? ""} />
            <DeleteArtifactButton id={a.id} name={a.name} />
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2 lg:items-start">
        <div className="flex min-w-0 flex-col gap-4">
          <QualityCard quality={a.quality} />
          <TrainingCurve jobId={a.jobId} />
          <FilesCard id={a.id} files={a.files} />
          <LineageCard artifact={a} />
        </div>
        <div className="flex min-w-0 flex-col gap-4">
          <SummaryCard artifact={a} />
          <ConfigCard config={a.configuration} />
        </div>
      </div>
    </>
  );
}
