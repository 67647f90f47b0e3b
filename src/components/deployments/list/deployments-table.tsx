"use client";

import Link from "next/link";
import { useMemo } from "react";
import { useTable } from "@tanstack/react-table";
import { Plus, Rocket } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RowsSkeleton } from "@/components/shell/loading-skeletons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isTransient } from "@/lib/deployment-lifecycle";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { COLUMN_CLASS, columns, type DeploymentRow, features } from "./columns";

const PAGE = 20;
const EMPTY: DeploymentRow[] = [];

/** The user's deployments; polls every second while any of them is still moving. */
export function DeploymentsTable() {
  const list = api.deployments.list.useInfiniteQuery(
    { limit: PAGE },
    {
      getNextPageParam: (last) => last.nextCursor,
      refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => isTransient(d.status))) ? 1000 : false),
    },
  );
  const data = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const table = useTable({ features, columns, data, getRowId: (row) => row.id });

  if (list.isPending) {
    return <RowsSkeleton label="Loading deployments" />;
  }
  if (list.isError) {
    return (
      <EmptyState
        title="Could not load deployments"
        description={list.error.message}
        action={<Button onClick={() => list.refetch()}>Try again</Button>}
      />
    );
  }
  if (data.length === 0) {
    return (
      <EmptyState
        icon={<Rocket />}
        title="No deployments yet"
        description="Pick a foundation model, choose hardware and scaling, and see what a month will cost before you deploy."
        action={
          <Button asChild>
            <Link href="/deployments/new">
              <Plus /> New deployment
            </Link>
          </Button>
        }
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div className="rounded-lg border">
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
              <TableRow key={row.id} data-testid="deployment-row" data-status={row.original.status}>
                {row.getAllCells().map((cell) => (
                  <TableCell key={cell.id} className={cn("py-3", COLUMN_CLASS[cell.column.id])}>
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
          {list.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </div>
  );
}
