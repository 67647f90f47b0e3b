"use client";

import { useMemo, useState } from "react";
import { useTable } from "@tanstack/react-table";
import { Database, SearchX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { isTransient } from "@/lib/dataset-lifecycle";
import { type DatasetRow, columns, features } from "./columns";
import { FormatSamples } from "./format-samples";
import { type DatasetFilters, ListFilters, NO_FILTERS } from "./list-filters";
import { sortFor, sortingFor } from "./sort-state";
import { TableView } from "./table-view";

const PAGE = 20;
const EMPTY: DatasetRow[] = [];

/** The user's datasets: server-side search, filters and sort; polls every second while any is moving. */
export function DatasetsTable() {
  const [filters, setFilters] = useState<DatasetFilters>(NO_FILTERS);
  const filtered = filters.search !== "" || filters.format !== null || filters.status !== null;
  const list = api.datasets.list.useInfiniteQuery(
    {
      limit: PAGE,
      sort: filters.sort,
      search: filters.search || undefined,
      format: filters.format ?? undefined,
      status: filters.status ?? undefined,
    },
    {
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: (previous) => previous,
      refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => isTransient(d.status))) ? 1000 : false),
    },
  );
  const data = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const sorting = useMemo(() => sortingFor(filters.sort), [filters.sort]);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      setFilters((f) => ({ ...f, sort: sortFor(next, f.sort) }));
    },
  });

  if (list.isPending) {
    return (
      <div className="flex flex-col gap-2" role="status" aria-busy="true" aria-label="Loading datasets">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-14 w-full" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return (
      <EmptyState
        title="Could not load datasets"
        description={list.error.message}
        action={<Button onClick={() => list.refetch()}>Try again</Button>}
      />
    );
  }
  if (data.length === 0 && !filtered) {
    return (
      <EmptyState
        icon={<Database />}
        title="No datasets yet"
        description="Drop a file above: it is checked in your browser first, then uploaded, validated again on the server and summarised here."
      >
        <FormatSamples />
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ListFilters value={filters} onChange={setFilters} />
      {data.length === 0 ? (
        <EmptyState
          icon={<SearchX />}
          title="No datasets match"
          description="Try another search, or clear the filters."
          action={
            <Button variant="outline" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <TableView table={table} />
      )}
      {list.hasNextPage ? (
        <Button variant="outline" className="w-fit self-center" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </div>
  );
}
