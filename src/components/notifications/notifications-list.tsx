"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { BellOff, CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { api } from "@/trpc/react";
import { type Notification, NotificationBody } from "./notification-item";
import { type NotificationFilters, NotificationsFilters } from "./notifications-filters";

const PAGE = 30;
const EMPTY: Notification[] = [];

function Row({ n, onRead, busy }: { n: Notification; onRead: () => void; busy: boolean }) {
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start" data-testid="notification-row" data-type={n.type} data-read={Boolean(n.readAt)}>
      <NotificationBody n={n} />
      <div className="flex shrink-0 gap-2 pl-7 sm:pl-0">
        {n.link ? (
          <Button asChild size="sm" variant="outline" onClick={n.readAt ? undefined : onRead}>
            <Link href={n.link}>Open</Link>
          </Button>
        ) : null}
        {!n.readAt ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={onRead}>
            Mark read
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** Every notification, filtered, newest first, a page at a time. */
export function NotificationsList() {
  const [filters, setFilters] = useState<NotificationFilters>({ type: null, unread: false });
  const utils = api.useUtils();
  const input = { limit: PAGE, ...(filters.type ? { type: filters.type } : {}), ...(filters.unread ? { unread: true } : {}) };
  const list = api.notifications.page.useInfiniteQuery(input, { getNextPageParam: (last) => last.nextCursor, refetchInterval: 15_000 });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? EMPTY, [list.data]);
  const refresh = () => utils.notifications.invalidate();
  const markRead = api.notifications.markRead.useMutation({ onSuccess: refresh });
  const markAll = api.notifications.markAllRead.useMutation({ onSuccess: refresh });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <NotificationsFilters value={filters} onChange={setFilters} />
        <Button variant="outline" disabled={markAll.isPending} onClick={() => markAll.mutate()}>
          <CheckCheck /> Mark all read
        </Button>
      </div>
      {list.isPending ? (
        <Skeleton className="h-64 w-full" role="status" aria-label="Loading notifications" />
      ) : list.isError ? (
        <EmptyState title="Could not load notifications" description={list.error.message} action={<Button onClick={() => list.refetch()}>Try again</Button>} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<BellOff />}
          title={filters.type || filters.unread ? "Nothing matches these filters" : "No notifications yet"}
          description="Finished training jobs, ready datasets, deployments and budget alerts show up here."
        />
      ) : (
        <ul className="divide-y rounded-lg border" aria-label="Notifications">
          {items.map((n) => (
            <Row key={n.id} n={n} busy={markRead.isPending} onRead={() => markRead.mutate({ id: n.id })} />
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <Button variant="outline" className="w-fit self-center" disabled={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </div>
  );
}
