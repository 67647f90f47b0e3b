"use client";

import Link from "next/link";
import { Database, TriangleAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import { DatasetPicker } from "./dataset-picker";
import { DatasetStats } from "./dataset-stats";
import { useConfiguratorForm, useFieldError, useSelectedDataset } from "./use-configurator-form";

const STATUS_TEXT: Record<string, string> = {
  uploading: "is still uploading",
  validating: "is still being validated",
  error: "failed validation",
};

/** The dataset to train on: its summary once chosen (the statistics the estimate is sized by), else a picker. */
export function DatasetSection() {
  const { setValue } = useConfiguratorForm();
  const { valid, query } = useSelectedDataset();
  const error = useFieldError("datasetId");
  const change = () => setValue("datasetId", "", { shouldDirty: true });

  if (!valid) return <DatasetPicker />;
  if (query.isPending) {
    return <Skeleton className="h-28 w-full" role="status" aria-busy="true" aria-label="Loading the dataset" />;
  }
  if (query.isError) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-destructive/30 bg-destructive/5 p-3">
        <p className="text-sm text-destructive" role="alert">
          {query.error.data?.code === "NOT_FOUND" ? "That dataset does not exist, or is not yours." : query.error.message}
        </p>
        <Button type="button" variant="outline" size="sm" onClick={change}>
          Choose another dataset
        </Button>
      </div>
    );
  }
  const d = query.data;
  const ready = d.status === "ready";
  return (
    <div className="flex flex-col gap-3" data-field="datasetId" data-testid="dataset-summary" data-status={d.status}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <span aria-hidden className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-muted text-muted-foreground">
            <Database className="size-4" />
          </span>
          <div className="flex min-w-0 flex-col">
            <Link href={`/datasets/${d.id}`} className="truncate font-medium outline-none hover:underline focus-visible:underline">
              {d.name}
            </Link>
            <span className="truncate text-xs text-muted-foreground">{d.fileName}</span>
          </div>
          <Badge
            variant="outline"
            className={cn(
              "capitalize",
              ready ? "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400" : "text-muted-foreground",
            )}
          >
            {d.status}
          </Badge>
        </div>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          onClick={change}
          data-focus-target
          aria-label="Change the dataset"
          aria-describedby={error ? "f-datasetId-error" : undefined}
        >
          Change
        </Button>
      </div>
      {d.stats ? <DatasetStats stats={d.stats} /> : null}
      {!ready ? (
        <p className="flex items-start gap-2 text-sm text-amber-700 dark:text-amber-400">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          This dataset {STATUS_TEXT[d.status] ?? `is ${d.status}`}: only a ready dataset can be trained on.
        </p>
      ) : null}
      {error ? (
        <p id="f-datasetId-error" role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
