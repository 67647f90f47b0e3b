"use client";

import { createColumnHelper, rowExpandingFeature, tableFeatures } from "@tanstack/react-table";
import { ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { UsageRequestView } from "@/lib/gateway/requests";
import { cn } from "@/lib/utils";
import { compact, formatMs } from "../metrics/metric-format";

export const features = tableFeatures({ rowExpandingFeature });
const helper = createColumnHelper<typeof features, UsageRequestView>();

/** Phones keep time, status and caller; the figures sit in the expanded row there. */
export const COLUMN_CLASS: Record<string, string> = {
  expand: "w-8 pr-0",
  createdAt: "whitespace-nowrap",
  status: "whitespace-nowrap",
  caller: "w-full max-w-0",
  tokens: "hidden sm:table-cell text-right whitespace-nowrap",
  latency: "hidden md:table-cell text-right whitespace-nowrap",
};

const time = (d: Date) => d.toLocaleString("en-GB", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function StatusPill({ status, errorCode }: { status: number; errorCode: string | null }) {
  const ok = status < 400 && !errorCode;
  return (
    <Badge
      variant="outline"
      className={cn(
        "tabular-nums",
        ok ? "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400" : "border-destructive/30 bg-destructive/10 text-destructive",
      )}
      data-status={status}
    >
      {status}
      {errorCode ? <span className="font-normal">· {errorCode}</span> : null}
    </Badge>
  );
}

export const columns = helper.columns([
  helper.display({
    id: "expand",
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => (
      <ChevronRight className={cn("size-4 text-muted-foreground transition-transform", row.getIsExpanded() && "rotate-90")} aria-hidden />
    ),
  }),
  helper.accessor("createdAt", {
    header: "Time",
    cell: (info) => (
      <time dateTime={info.getValue().toISOString()} className="tabular-nums">
        {time(info.getValue())}
      </time>
    ),
  }),
  helper.accessor("status", { header: "Status", cell: (info) => <StatusPill status={info.getValue()} errorCode={info.row.original.errorCode} /> }),
  helper.display({
    id: "caller",
    header: "Caller",
    cell: ({ row }) => {
      const r = row.original;
      return (
        <span className="flex min-w-0 flex-col">
          <span className="line-clamp-2 break-words" data-testid="request-caller">
            {r.source === "chat" ? "Chat" : (r.apiKey?.name ?? "Deleted key")}
          </span>
          {r.apiKey ? <code className="truncate font-mono text-xs text-muted-foreground">{r.apiKey.prefix}…</code> : null}
        </span>
      );
    },
  }),
  helper.display({
    id: "tokens",
    header: "Tokens in / out",
    cell: ({ row }) => (
      <span className="tabular-nums">
        {compact(row.original.promptTokens)} / {compact(row.original.completionTokens)}
      </span>
    ),
  }),
  helper.accessor("totalMs", {
    id: "latency",
    header: "Latency",
    cell: (info) => <span className="tabular-nums">{formatMs(info.getValue())}</span>,
  }),
]);
