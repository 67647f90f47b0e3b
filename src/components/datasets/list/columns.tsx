"use client";

import Link from "next/link";
import { createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import { DATASET_FORMAT_LABELS } from "@/lib/datasets/types";
import { formatRelative } from "@/lib/format";
import type { RouterOutputs } from "@/trpc/react";
import { ServerProgress } from "../server-progress";
import { DatasetStatusBadge } from "../status-badge";
import { formatBytes } from "@/lib/datasets/upload-target";
import { compactNumber, plural } from "../text";

export type DatasetRow = RouterOutputs["datasets"]["list"]["items"][number];

// Sorting state only: the server orders and pages (manualSorting), the headers show and change it.
export const features = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof features, DatasetRow>();

/** Classes per column: the narrow layout keeps name and status. */
export const COLUMN_CLASS: Record<string, string> = {
  // The name takes what is left and truncates; every other column is as wide as its content.
  name: "w-full max-w-0",
  status: "whitespace-nowrap",
  format: "hidden lg:table-cell",
  examples: "hidden sm:table-cell text-right",
  totalTokens: "hidden md:table-cell text-right",
  fileSize: "hidden md:table-cell text-right",
  createdAt: "hidden md:table-cell text-right",
};

const muted = (text: string) => <span className="text-muted-foreground">{text}</span>;

export const columns = helper.columns([
  helper.accessor("name", {
    header: "Dataset",
    cell: (info) => {
      const d = info.row.original;
      return (
        <span className="flex min-w-0 flex-col">
          <Link href={`/datasets/${d.id}`} className="truncate font-medium outline-none hover:underline focus-visible:underline">
            {info.getValue()}
          </Link>
          <span className="truncate text-xs text-muted-foreground">
            {d.fileName}
            {/* Phones hide the figure columns; the size and count ride along here. */}
            <span className="sm:hidden">
              {" · "}
              {formatBytes(d.fileSize)}
              {d.examples !== null ? ` · ${plural(d.examples, "example")}` : ""}
            </span>
          </span>
        </span>
      );
    },
  }),
  helper.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: (info) => {
      const d = info.row.original;
      return (
        <span className="flex flex-col items-start gap-1">
          <DatasetStatusBadge status={info.getValue()} />
          {d.status === "validating" ? <ServerProgress compact validatedBytes={d.validatedBytes} fileSize={d.fileSize} /> : null}
          {d.status === "error" && d.totalErrors ? <span className="text-xs text-destructive">{plural(d.totalErrors, "error")}</span> : null}
        </span>
      );
    },
  }),
  helper.accessor("format", {
    header: "Format",
    enableSorting: false,
    cell: (info) => {
      const f = info.getValue();
      return f ? DATASET_FORMAT_LABELS[f] : muted("—");
    },
  }),
  helper.accessor("examples", {
    header: "Examples",
    enableSorting: false,
    cell: (info) => <span className="tabular-nums">{info.getValue()?.toLocaleString("en") ?? muted("—")}</span>,
  }),
  helper.accessor("totalTokens", {
    header: "Tokens",
    enableSorting: false,
    cell: (info) => {
      const n = info.getValue();
      return n === null ? muted("—") : <span className="tabular-nums" title={n.toLocaleString("en")}>{compactNumber(n)}</span>;
    },
  }),
  helper.accessor("fileSize", {
    header: "Size",
    sortDescFirst: true,
    cell: (info) => <span className="tabular-nums">{formatBytes(info.getValue())}</span>,
  }),
  helper.accessor("createdAt", {
    header: "Uploaded",
    sortDescFirst: true,
    cell: (info) => (
      <time dateTime={info.getValue().toISOString()} title={info.getValue().toLocaleString()} className="text-muted-foreground">
        {formatRelative(info.getValue())}
      </time>
    ),
  }),
]);
