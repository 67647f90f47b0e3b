"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { BreakdownCards } from "./breakdown-cards";
import { CostFiltersBar } from "./cost-filters";
import { DailyChart } from "./daily-chart";
import { ExportButton } from "./export-button";
import { defaultFilters, rangeError } from "./filters";
import { RecordsTable } from "./records-table";
import { SummaryCards } from "./summary-cards";

// Spend grows while work runs: refresh the figures without a reload.
const REFRESH_MS = 15_000;

function Loading({ label, className }: { label: string; className: string }) {
  return <Skeleton className={className} role="status" aria-label={label} />;
}

/** The costs page: this month, the chosen range's breakdown and chart, and the records. */
export function CostsView() {
  const [filters, setFilters] = useState(defaultFilters);
  const error = rangeError(filters);
  const summary = api.costs.summary.useQuery(undefined, { refetchInterval: REFRESH_MS });
  const breakdown = api.costs.breakdown.useQuery(
    { from: filters.from, to: filters.to },
    { enabled: !error, refetchInterval: REFRESH_MS, placeholderData: (prev) => prev },
  );

  if (summary.isError) {
    return <EmptyState title="Could not load your costs" description={summary.error.message} action={<Button onClick={() => summary.refetch()}>Try again</Button>} />;
  }
  return (
    <div className="flex flex-col gap-6">
      {summary.data ? <SummaryCards summary={summary.data} /> : <Loading label="Loading this month's spend" className="h-36 w-full" />}
      <div className="flex flex-wrap items-end justify-between gap-3">
        <CostFiltersBar value={filters} onChange={setFilters} error={error} />
        <ExportButton filters={filters} disabled={Boolean(error)} />
      </div>
      {breakdown.isError ? (
        <EmptyState title="Could not load the breakdown" description={breakdown.error.message} action={<Button onClick={() => breakdown.refetch()}>Try again</Button>} />
      ) : breakdown.data ? (
        <>
          <DailyChart daily={breakdown.data.daily} />
          <BreakdownCards breakdown={breakdown.data} />
        </>
      ) : (
        <Loading label="Loading the breakdown" className="h-80 w-full" />
      )}
      <section aria-labelledby="records-heading" className="flex flex-col gap-3">
        <h2 id="records-heading" className="text-lg font-semibold">
          Records
        </h2>
        <RecordsTable filters={filters} enabled={!error} />
      </section>
    </div>
  );
}
