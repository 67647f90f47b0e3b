"use client";

import { useMemo, useState } from "react";
import { ListX, ScrollText } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { UsageRequestView } from "@/lib/gateway/requests";
import { api } from "@/trpc/react";
import { isFiltered, keysForDeployment, NO_REQUEST_FILTERS, type RequestFilters, requestsInput } from "./request-filters";
import { RequestFiltersBar } from "./request-filters-bar";
import { RequestsTable } from "./requests-table";

const EMPTY: UsageRequestView[] = [];

/** The deployment's metered requests, newest first: filters, "Load more", and the first page refetched while open. */
export function RequestsTab({ deploymentId, requestLogging }: { deploymentId: string; requestLogging: boolean }) {
  const [filters, setFilters] = useState<RequestFilters>(NO_REQUEST_FILTERS);
  const keys = api.apiKeys.list.useQuery();
  const keyOptions = useMemo(() => keysForDeployment(keys.data ?? [], deploymentId), [keys.data, deploymentId]);
  const input = requestsInput(deploymentId, filters, new Date());
  const list = api.usage.requests.useInfiniteQuery(input, {
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: (prev) => prev,
    // New requests land on the first page; once more pages are loaded, refetching them all is left to the user.
    refetchInterval: (q) => ((q.state.data?.pages.length ?? 0) <= 1 ? 5000 : false),
  });
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);

  let body: React.ReactNode;
  if (list.isPending) {
    body = (
      <div className="flex flex-col gap-2" role="status" aria-busy="true" aria-label="Loading requests">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-11 w-full" />
        ))}
      </div>
    );
  } else if (list.isError) {
    body = <EmptyState title="Could not load requests" description={list.error.message} action={<Button onClick={() => list.refetch()}>Try again</Button>} />;
  } else if (rows.length === 0) {
    body = isFiltered(filters) ? (
      <EmptyState
        icon={<ListX />}
        title="No requests match"
        description="Try another status, key or time window."
        action={
          <Button variant="outline" onClick={() => setFilters(NO_REQUEST_FILTERS)}>
            Clear filters
          </Button>
        }
      />
    ) : (
      <EmptyState
        icon={<ScrollText />}
        title="No requests yet"
        description="Every call to this deployment, through the API or the chat, is listed here with its status, tokens and timing."
      />
    );
  } else {
    body = <RequestsTable rows={rows} requestLogging={requestLogging} />;
  }
  return (
    <section className="flex flex-col gap-3" aria-label="Requests">
      <RequestFiltersBar value={filters} onChange={setFilters} keys={keyOptions} />
      {body}
      {list.hasNextPage ? (
        <Button variant="outline" className="w-fit self-center" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </section>
  );
}
