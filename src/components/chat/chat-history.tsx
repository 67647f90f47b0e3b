"use client";

import { MessageSquarePlus, MoreHorizontal, Search, Trash2 } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { DEFAULT_CHAT_TITLE, HISTORY_PAGE_SIZE } from "@/lib/chat/contract";
import { groupHistory } from "@/lib/chat/history-groups";
import { api } from "@/trpc/react";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { SEARCH_SHORTCUT, useChatLayout } from "./chat-layout-context";
import { type HistoryItem, useChatHistory, useTitleInHistory } from "./history-cache";
import { HistoryEntry } from "./history-entry";
import { RenameChatDialog } from "./rename-chat-dialog";
import { useNewChat } from "./use-new-chat";
import { cn } from "@/lib/utils";

export function ChatHistory({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const utils = api.useUtils();
  const newChat = useNewChat();
  const { openSearch } = useChatLayout();
  const history = useChatHistory();
  const titleInHistory = useTitleInHistory();
  const items = useMemo(() => history.data?.pages.flatMap((p) => p.items) ?? [], [history.data]);
  // "Today" and "Yesterday" are the browser's days: group only after mount, so the server (in its
  // own timezone) never renders groups the browser would draw differently.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const groups = useMemo(() => groupHistory(items), [items]);
  const sentinel = useRef<HTMLDivElement>(null);
  const [renaming, setRenaming] = useState<HistoryItem | null>(null);
  const [deleting, setDeleting] = useState<HistoryItem | null>(null);
  const [deletingAll, setDeletingAll] = useState(false);

  const activeId = pathname.startsWith("/chat/") ? pathname.slice("/chat/".length) : null;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "200px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // The saved title goes into the loaded pages as it is: refetching every page would add nothing.
  const rename = api.chats.rename.useMutation({
    onSuccess: (chat) => titleInHistory(chat.id, chat.title),
    onError: (e) => toast.error(e.message),
  });
  const remove = api.chats.delete.useMutation({
    onSuccess: (_data, vars) => {
      void utils.chats.history.invalidate();
      toast.success("Chat deleted");
      if (vars.id === activeId) router.push("/");
    },
    onError: (e) => toast.error(e.message),
  });
  const removeAll = api.chats.deleteAll.useMutation({
    onSuccess: (data) => {
      void utils.chats.history.invalidate();
      toast.success(`Deleted ${data.deleted} chat${data.deleted === 1 ? "" : "s"}`);
      router.push("/");
    },
    onError: (e) => toast.error(e.message),
  });

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className={cn("flex items-center gap-1 border-b px-3 py-2.5", onNavigate && "pr-12")}>
        <span className="text-sm font-semibold">Chats</span>
        <div className="ml-auto flex items-center gap-0.5">
          <Button variant="ghost" size="icon-sm" aria-label="Search chats" aria-keyshortcuts={SEARCH_SHORTCUT} title="Search chats (Ctrl+K)" onClick={openSearch}>
            <Search />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="New chat"
            onClick={() => {
              onNavigate?.();
              newChat();
            }}
          >
            <MessageSquarePlus />
          </Button>
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label="History options">
                <MoreHorizontal />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem variant="destructive" disabled={items.length === 0} onSelect={() => setDeletingAll(true)}>
                <Trash2 /> Delete all chats
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        </div>
      </div>

      <nav aria-label="Chats" className="min-h-0 flex-1 overflow-y-auto px-2 py-2" data-testid="chat-history">
        {history.isPending || !mounted ? (
          <div className="flex flex-col gap-2 px-1 py-1" role="status" aria-label="Loading chats">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-7 w-full" style={{ width: `${90 - ((i * 13) % 35)}%` }} />
            ))}
          </div>
        ) : history.isError ? (
          <div className="px-2 py-4 text-sm text-muted-foreground">
            Could not load your chats.{" "}
            <button type="button" className="text-primary underline" onClick={() => void history.refetch()}>
              Try again
            </button>
          </div>
        ) : items.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">Your chats will appear here once you send a message.</p>
        ) : (
          groups.map((group) => (
            <section key={group.group} className="mb-3" aria-labelledby={`history-${group.group}`}>
              <h2 id={`history-${group.group}`} className="px-2 pb-1 text-xs font-medium text-muted-foreground">
                {group.label}
              </h2>
              <ul className="flex flex-col gap-0.5">
                {group.items.map((chat) => (
                  <HistoryEntry
                    key={chat.id}
                    chat={chat}
                    active={chat.id === activeId}
                    onNavigate={onNavigate}
                    onRename={() => setRenaming(chat)}
                    onDelete={() => setDeleting(chat)}
                  />
                ))}
              </ul>
            </section>
          ))
        )}
        <div ref={sentinel} aria-hidden className="h-1" />
        {isFetchingNextPage ? (
          <div className="flex justify-center py-2">
            <Spinner label="Loading more chats" />
          </div>
        ) : null}
        {!hasNextPage && items.length > HISTORY_PAGE_SIZE ? (
          <p className="py-2 text-center text-xs text-muted-foreground">You have reached the end of your chat history.</p>
        ) : null}
      </nav>

      <RenameChatDialog
        chat={renaming}
        pending={rename.isPending}
        onClose={() => setRenaming(null)}
        onSave={(title) => {
          if (!renaming) return;
          rename.mutate({ id: renaming.id, title }, { onSuccess: () => setRenaming(null) });
        }}
      />

      <ConfirmDeleteDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        title="Delete this chat?"
        description={<>“{deleting?.title || DEFAULT_CHAT_TITLE}” and its messages will be deleted. This cannot be undone.</>}
        confirmLabel="Delete"
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />

      <ConfirmDeleteDialog
        open={deletingAll}
        onCancel={() => setDeletingAll(false)}
        title="Delete all chats?"
        description="Every chat in your history and its messages will be deleted. This cannot be undone."
        confirmLabel="Delete all"
        onConfirm={() => {
          removeAll.mutate();
          setDeletingAll(false);
        }}
      />
    </div>
  );
}
