"use client";

import { useMemo } from "react";
import { Activity } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { METRIC_RANGES } from "@/lib/gateway/metrics";
import { api } from "@/trpc/react";
import { useUrlChoice } from "../use-url-choice";
import { MetricChart } from "./metric-chart";
import { chartRows, compact, formatMs, formatRate, RANGE_LABELS } from "./metric-format";
import { RangePicker } from "./range-picker";
import { TotalsCards } from "./totals-cards";

/** How often the open tab refetches; react-query pauses it while the browser tab is hidden. */
const REFRESH_MS = 5000;

/** Totals and four charts over the chosen range (`?range=`), refreshed while the tab is open. */
export function MetricsTab({ deploymentId }: { deploymentId: string }) {
  const [range, setRange] = useUrlChoice("range", METRIC_RANGES, "24h");
  const query = api.usage.metrics.useQuery({ deploymentId, range }, { refetchInterval: REFRESH_MS, placeholderData: (prev) => prev });
  const rows = useMemo(() => chartRows(query.data?.buckets ?? []), [query.data]);

  let body: React.ReactNode;
  if (query.isPending) {
    body = (
      <div className="flex flex-col gap-3" role="status" aria-busy="true" aria-label="Loading metrics">
        <Skeleton className="h-24 w-full" />
        <Skeleton className="h-56 w-full" />
      </div>
    );
  } else if (query.isError) {
    body = (
      <EmptyState title="Could not load metrics" description={query.error.message} action={<Button onClick={() => query.refetch()}>Try again</Button>} />
    );
  } else if (query.data.totals.requests === 0) {
    body = (
      <EmptyState
        icon={<Activity />}
        title={`No requests in the last ${RANGE_LABELS[range]}`}
        description="Call the endpoint (the API tab has samples) or chat with it: requests show up here within a few seconds."
      />
    );
  } else {
    const common = { rows, range };
    body = (
      <>
        <TotalsCards totals={query.data.totals} />
        <div className="grid gap-4 lg:grid-cols-2">
          <MetricChart {...common} title="Requests per minute" kind="line" testId="chart-requests" format={compact}
            series={[{ key: "requestsPerMinute", name: "Requests/min", color: "var(--chart-1)" }]} />
          <MetricChart {...common} title="Latency" kind="line" testId="chart-latency" format={(v) => formatMs(v)}
            series={[{ key: "p50Ms", name: "p50", color: "var(--chart-2)" }, { key: "p95Ms", name: "p95", color: "var(--chart-3)" }]} />
          <MetricChart {...common} title="Tokens" kind="area" testId="chart-tokens" format={compact}
            series={[{ key: "promptTokens", name: "In (prompt)", color: "var(--chart-1)" }, { key: "completionTokens", name: "Out (completion)", color: "var(--chart-3)" }]} />
          <MetricChart {...common} title="Error rate" kind="line" testId="chart-errors" format={(v) => formatRate(v / 100)}
            series={[{ key: "errorPercent", name: "Errors", color: "var(--destructive)" }]} />
        </div>
      </>
    );
  }
  return (
    <section className="flex flex-col gap-4" aria-label="Metrics">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Last {RANGE_LABELS[range]} · refreshed every {REFRESH_MS / 1000} s
        </p>
        <RangePicker value={range} onChange={setRange} />
      </div>
      {body}
    </section>
  );
}
