"use client";

import Link from "next/link";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { CostDetails } from "@/lib/costs/types";
import { formatNumber } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { COST_TYPE_COLOR, COST_TYPE_LABEL, formatMicroCents, RESOURCE_TYPE_LABEL, resourceHref } from "./labels";

export type CostRecordRow = RouterOutputs["costs"]["records"]["items"][number];

export const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CostRecordRow>();

export const COLUMN_CLASS: Record<string, string> = {
  type: "hidden sm:table-cell",
  details: "hidden md:table-cell",
  period: "hidden sm:table-cell",
  amount: "text-right",
};

/** What the line billed, in a few words. */
export function detailsText(d: CostDetails): string {
  switch (d.kind) {
    case "deployment":
      return `${d.replicas} replica${d.replicas === 1 ? "" : "s"} × ${Math.round(d.billedSeconds / 60)} min`;
    case "training":
      // A chunk is billed from its start (the start-up before step 1 is in the first one).
      if (d.toStep <= d.fromStep) return d.fromStep === 0 ? "Start-up, before step 1" : `Chunk ${d.chunk + 1} begun`;
      return `Steps ${formatNumber(d.fromStep + 1)}–${formatNumber(d.toStep)}${d.adapters ? ` · ${d.adapters} adapter${d.adapters === 1 ? "" : "s"}` : ""}`;
    case "storage":
      return `${(d.bytes / 1e9).toFixed(3)} GB × ${(d.storedSeconds / 3600).toFixed(1)} h`;
  }
}

const when = (d: Date) => d.toLocaleString("en", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const columns = helper.columns([
  helper.accessor("resourceName", {
    header: "Resource",
    cell: (info) => {
      const r = info.row.original;
      return (
        <div className="flex min-w-0 flex-col">
          <Link href={resourceHref(r.resourceType, r.resourceId)} className="truncate font-medium outline-none hover:underline focus-visible:underline">
            {r.resourceName ?? "Deleted resource"}
          </Link>
          <span className="text-xs text-muted-foreground">{RESOURCE_TYPE_LABEL[r.resourceType]}</span>
        </div>
      );
    },
  }),
  helper.accessor("type", {
    header: "Type",
    cell: (info) => (
      <span className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="size-2 rounded-full" style={{ background: COST_TYPE_COLOR[info.getValue()] }} aria-hidden />
        {COST_TYPE_LABEL[info.getValue()]}
      </span>
    ),
  }),
  helper.accessor((r) => detailsText(r.details), { id: "details", header: "Details", cell: (info) => <span className="text-muted-foreground">{info.getValue()}</span> }),
  helper.accessor("periodStart", {
    id: "period",
    header: "Period (UTC)",
    cell: (info) => (
      <time dateTime={info.getValue().toISOString()} className="whitespace-nowrap text-muted-foreground">
        {when(info.getValue())}
      </time>
    ),
  }),
  helper.accessor("amountMicroCents", {
    id: "amount",
    header: "Amount",
    cell: (info) => <span className="tabular-nums">{formatMicroCents(info.getValue())}</span>,
  }),
]);
