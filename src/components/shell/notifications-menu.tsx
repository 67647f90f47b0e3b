"use client";

import { Bell } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { api } from "@/trpc/react";
import { formatRelative } from "@/lib/format";

export function NotificationsMenu() {
  const utils = api.useUtils();
  const list = api.notifications.list.useQuery(undefined, { refetchInterval: 30_000 });
  const markRead = api.notifications.markAllRead.useMutation({ onSuccess: () => utils.notifications.list.invalidate() });
  const unread = list.data?.filter((n) => !n.readAt).length ?? 0;
  return (
    <DropdownMenu onOpenChange={(open) => !open && unread > 0 && markRead.mutate()}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={`Notifications${unread ? ` (${unread} unread)` : ""}`}>
          <Bell />
          {unread > 0 ? <span className="absolute top-1.5 right-1.5 size-2 rounded-full bg-primary ring-2 ring-background" /> : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80">
        <DropdownMenuLabel>Notifications</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {list.isPending ? (
          <p className="px-2 py-3 text-sm text-muted-foreground">Loading…</p>
        ) : list.data?.length ? (
          <ul className="max-h-80 overflow-y-auto">
            {list.data.map((n) => (
              <li key={n.id} className="rounded-sm px-2 py-2">
                <div className="flex items-center gap-2 text-sm font-medium">
                  {!n.readAt ? <span className="size-1.5 shrink-0 rounded-full bg-primary" role="img" aria-label="unread" /> : null}
                  {n.title}
                </div>
                {n.body ? <p className="mt-0.5 text-xs text-muted-foreground">{n.body}</p> : null}
                <p className="mt-1 text-[11px] text-muted-foreground/80">{formatRelative(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-2 py-3 text-sm text-muted-foreground">You are all caught up.</p>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
