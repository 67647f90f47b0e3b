"use client";

import Link from "next/link";
import { useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTable } from "@tanstack/react-table";
import { Database, Plus, SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RowsSkeleton } from "@/components/shell/loading-skeletons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { isLive, isTrainingStatus, TRAINING_STATUS_LABELS, type TrainingStatus } from "@/lib/training-lifecycle";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { COLUMN_CLASS, columns, features, type JobRow } from "./columns";
import { StatusFilter } from "./status-filter";

const PAGE = 20;
const EMPTY: JobRow[] = [];

/** The status filter from the URL (`?status=running`); anything else means all. */
export function useStatusParam(): [TrainingStatus | null, (s: TrainingStatus | null) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get("status") ?? "";
  const status = isTrainingStatus(raw) ? raw : null;
  const set = (s: TrainingStatus | null) => {
    const next = new URLSearchParams(params);
    if (s) next.set("status", s);
    else next.delete("status");
    const q = next.toString();
    router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
  };
  return [status, set];
}

/** The user's training jobs; polls every second while any of them is still moving. */
export function JobsTable() {
  const [status, setStatus] = useStatusParam();
  const list = api.fineTuning.list.useInfiniteQuery(
    { limit: PAGE, ...(status ? { status } : {}) },
    {
      getNextPageParam: (last) => last.nextCursor,
      placeholderData: (prev) => prev,
      refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((j) => isLive(j.status))) ? 1000 : false),
    },
  );
  const data = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const table = useTable({ features, columns, data, getRowId: (row) => row.id });

  if (list.isPending) {
    return <RowsSkeleton label="Loading training jobs" />;
  }
  if (list.isError) {
    return (
      <EmptyState
        title="Could not load training jobs"
        description={list.error.message}
        action={<Button onClick={() => list.refetch()}>Try again</Button>}
      />
    );
  }
  if (data.length === 0 && !status) {
    return (
      <EmptyState
        icon={<SlidersHorizontal />}
        title="No training jobs yet"
        description="Fine-tune an open model on one of your datasets: pick a preset, see the cost before you start, and watch the loss fall live."
        action={
          <>
            <Button asChild>
              <Link href="/fine-tuning/new">
                <Plus /> New fine-tuning job
              </Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/datasets">
                <Database /> Upload a dataset
              </Link>
            </Button>
          </>
        }
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <StatusFilter value={status} onChange={setStatus} />
      {data.length === 0 ? (
        <EmptyState
          title={`No ${status ? TRAINING_STATUS_LABELS[status].toLowerCase() : ""} jobs`}
          description="No training job has this status right now."
          action={
            <Button variant="outline" onClick={() => setStatus(null)}>
              Show all jobs
            </Button>
          }
        />
      ) : (
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
                <TableRow key={row.id} data-testid="job-row" data-status={row.original.status}>
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
      )}
      {list.hasNextPage ? (
        <Button
          variant="outline"
          className="w-fit self-center"
          disabled={list.isFetchingNextPage}
          onClick={() => list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
    </div>
  );
}
