"use client";

import Link from "next/link";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { formatCents } from "@/lib/pricing";
import { formatRelative } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { hardwareText, replicasText } from "../config-text";
import { StatusBadge } from "../status-badge";

export type DeploymentRow = RouterOutputs["deployments"]["list"]["items"][number];

// Core rows only: the server orders (newest first) and pages; the table lays out.
export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, DeploymentRow>();

/** Classes per column: the narrow layout keeps name, status and cost. */
export const COLUMN_CLASS: Record<string, string> = {
  modelId: "hidden md:table-cell",
  hardware: "hidden lg:table-cell",
  replicas: "hidden sm:table-cell text-right",
  cost: "text-right",
  createdAt: "hidden md:table-cell text-right",
};

export const columns = helper.columns([
  helper.accessor("name", {
    header: "Endpoint",
    cell: (info) => (
      <Link href={`/deployments/${info.row.original.id}`} className="font-medium outline-none hover:underline focus-visible:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  helper.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
  helper.accessor("modelId", { header: "Model", cell: (info) => <span className="font-mono text-xs">{info.getValue()}</span> }),
  helper.accessor((d) => hardwareText(d.hardware), { id: "hardware", header: "Hardware" }),
  helper.accessor((d) => replicasText(d.replicas), { id: "replicas", header: "Replicas" }),
  helper.accessor((d) => d.monthly.expectedCents, {
    id: "cost",
    header: "Cost / month",
    cell: (info) => {
      const m = info.row.original.monthly;
      return (
        <span className="flex flex-col items-end tabular-nums">
          <span>{formatCents(info.getValue(), { whole: true })}</span>
          <span className="text-xs text-muted-foreground">
            {formatCents(m.minCents, { whole: true })}–{formatCents(m.maxCents, { whole: true })}
          </span>
        </span>
      );
    },
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
