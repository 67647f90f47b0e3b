"use client";

import { useMemo } from "react";
import { useTable } from "@tanstack/react-table";
import { Receipt } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { type CostFilters, recordsInput } from "./filters";
import { COLUMN_CLASS, type CostRecordRow, columns, features } from "./record-columns";

const PAGE = 50;
const EMPTY: CostRecordRow[] = [];

/** Ledger lines for the filters, newest first, a page at a time. */
export function RecordsTable({ filters, enabled }: { filters: CostFilters; enabled: boolean }) {
  const list = api.costs.records.useInfiniteQuery(
    { ...recordsInput(filters), limit: PAGE },
    { enabled, getNextPageParam: (last) => last.nextCursor, placeholderData: (prev) => prev },
  );
  const data = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const table = useTable({ features, columns, data, getRowId: (row) => row.id });

  if (list.isPending) {
    return (
      <div className="flex flex-col gap-2" role="status" aria-busy="true" aria-label="Loading cost records">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-12 w-full" />
        ))}
      </div>
    );
  }
  if (list.isError) {
    return <EmptyState title="Could not load cost records" description={list.error.message} action={<Button onClick={() => list.refetch()}>Try again</Button>} />;
  }
  if (data.length === 0) {
    return (
      <EmptyState
        icon={<Receipt />}
        title="No cost records"
        description="Nothing matches these filters. Training, running deployments and stored datasets add records as they are billed."
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="rounded-lg border" aria-busy={list.isFetching}>
        <Table>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead key={header.id} className={COLUMN_CLASS[header.column.id]}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id} data-testid="cost-record-row" data-type={row.original.type}>
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id} className={cn("py-2.5", COLUMN_CLASS[cell.column.id])}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {list.hasNextPage ? (
        <Button variant="outline" className="w-fit self-center" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
