"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Bell, CheckCheck } from "lucide-react";
import { NotificationBody } from "@/components/notifications/notification-item";
import { useCriticalToasts } from "@/components/notifications/use-critical-toasts";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { api } from "@/trpc/react";

// "New ones appear within a few seconds without a reload": the count is one cheap query.
const POLL_MS = 3_000;
const LATEST = 8;

/** The bell: unread count, the latest few (each opens its page and is marked read), mark all read, and critical toasts. */
export function NotificationsMenu() {
  const utils = api.useUtils();
  const unread = api.notifications.unreadCount.useQuery(undefined, { refetchInterval: POLL_MS, refetchIntervalInBackground: false });
  const list = api.notifications.list.useQuery({ limit: LATEST }, { refetchInterval: 30_000 });
  const polled = unread.data?.count;
  const count = polled ?? 0;
  // The count moved (new ones, or read in another tab): fetch the latest so the menu and the toasts catch up.
  const lastCount = useRef(polled);
  useEffect(() => {
    if (polled === undefined || polled === lastCount.current) return;
    const first = lastCount.current === undefined;
    lastCount.current = polled;
    if (!first) void utils.notifications.invalidate();
  }, [polled, utils]);
  useCriticalToasts(list.data);

  const refresh = () => Promise.all([utils.notifications.list.invalidate(), utils.notifications.page.invalidate(), utils.notifications.unreadCount.invalidate()]);
  const markRead = api.notifications.markRead.useMutation({ onSuccess: refresh });
  const markAll = api.notifications.markAllRead.useMutation({ onSuccess: refresh });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          data-testid="notifications-bell"
          data-unread={count}
          // The name says the number the badge shows ("9+" as "more than 9"): label in name, WCAG 2.5.3.
          aria-label={`Notifications${count ? `, ${count > 9 ? "more than 9" : count} unread` : ""}`}
        >
          <Bell />
          {count > 0 ? (
            <span className="absolute top-0.5 right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold text-primary-foreground tabular-nums ring-2 ring-background">
              {count > 9 ? "9+" : count}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-[min(22rem,calc(100vw-1rem))]" data-testid="notifications-menu">
        <div className="flex items-center justify-between gap-2 pr-1">
          <DropdownMenuLabel>Notifications</DropdownMenuLabel>
          {count > 0 ? (
            <DropdownMenuItem
              className="text-xs"
              onSelect={(e) => {
                e.preventDefault();
                markAll.mutate();
              }}
            >
              <CheckCheck /> Mark all read
            </DropdownMenuItem>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {list.isPending ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">Loading…</p>
        ) : list.data?.length ? (
          <div className="max-h-96 overflow-y-auto">
            {list.data.map((n) => {
              const onSelect = () => (n.readAt ? undefined : markRead.mutate({ id: n.id }));
              return n.link ? (
                <DropdownMenuItem key={n.id} asChild className="items-start py-2" onSelect={onSelect} data-testid="notification-item" data-type={n.type}>
                  <Link href={n.link}>
                    <NotificationBody n={n} compact />
                  </Link>
                </DropdownMenuItem>
              ) : (
                <DropdownMenuItem key={n.id} className="items-start py-2" onSelect={onSelect} data-testid="notification-item" data-type={n.type}>
                  <NotificationBody n={n} compact />
                </DropdownMenuItem>
              );
            })}
          </div>
        ) : (
          <p className="px-2 py-3 text-sm text-muted-foreground">You are all caught up.</p>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild className="justify-center text-sm">
          <Link href="/notifications">See all notifications</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
