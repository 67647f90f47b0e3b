"use client";

import Link from "next/link";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { formatRelative } from "@/lib/format";
import { formatCents } from "@/lib/pricing";
import { isLive } from "@/lib/training-lifecycle";
import type { RouterOutputs } from "@/trpc/react";
import { JobStatusBadge, ProgressBar } from "../job-status-badge";

export type JobRow = RouterOutputs["fineTuning"]["list"]["items"][number];

// Core rows only: the server orders (newest first), filters and pages; the table lays out.
export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, JobRow>();

/** Classes per column: the narrow layout keeps the job, its status and its cost. */
export const COLUMN_CLASS: Record<string, string> = {
  name: "whitespace-normal min-w-36",
  progress: "hidden sm:table-cell w-36",
  model: "hidden xl:table-cell whitespace-normal",
  dataset: "hidden xl:table-cell whitespace-normal",
  cost: "text-right",
  createdAt: "hidden md:table-cell text-right",
};

export const columns = helper.columns([
  helper.accessor("name", {
    header: "Job",
    cell: (info) => {
      const j = info.row.original;
      return (
        <span className="flex min-w-0 flex-col gap-0.5">
          <Link
            href={`/fine-tuning/jobs/${j.id}`}
            className="font-medium outline-none hover:underline focus-visible:underline"
          >
            {info.getValue()}
          </Link>
          <span className="text-xs text-muted-foreground xl:hidden">
            {j.model.name} · {j.dataset.name}
          </span>
        </span>
      );
    },
  }),
  helper.accessor("status", { header: "Status", cell: (info) => <JobStatusBadge status={info.getValue()} /> }),
  helper.accessor("progress", {
    header: "Progress",
    cell: (info) => {
      const status = info.row.original.status;
      const tone = status === "completed" ? "done" : isLive(status) ? "live" : "stopped";
      return (
        <span className="flex items-center gap-2">
          <ProgressBar value={info.getValue()} tone={tone} label={`${info.row.original.name}: progress`} />
          <span className="w-9 text-right text-xs text-muted-foreground tabular-nums">{Math.round(info.getValue())}%</span>
        </span>
      );
    },
  }),
  helper.accessor((j) => j.model.name, { id: "model", header: "Base model" }),
  helper.accessor((j) => j.dataset.name, { id: "dataset", header: "Dataset" }),
  helper.accessor("costSoFarCents", {
    id: "cost",
    header: "Cost",
    cell: (info) => (
      <span className="flex flex-col items-end tabular-nums">
        <span>{formatCents(info.getValue())}</span>
        <span className="text-xs text-muted-foreground">of {formatCents(info.row.original.estimatedTotalCents)}</span>
      </span>
    ),
  }),
  helper.accessor("createdAt", {
    header: "Created",
    cell: (info) => (
      <time dateTime={info.getValue().toISOString()} title={info.getValue().toLocaleString()} className="text-muted-foreground">
        {formatRelative(info.getValue())}
      </time>
    ),
  }),
]);
