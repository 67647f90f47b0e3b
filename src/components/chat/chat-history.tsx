"use client";

import { Globe, MessageSquarePlus, MoreHorizontal, Pencil, Search, Trash2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { DEFAULT_CHAT_TITLE, HISTORY_PAGE_SIZE, MAX_CHAT_TITLE_CHARS } from "@/lib/chat/contract";
import { groupHistory } from "@/lib/chat/history-groups";
import { ConfirmDeleteDialog } from "./confirm-delete-dialog";
import { SEARCH_SHORTCUT, useChatLayout } from "./chat-layout-context";
import { cn } from "@/lib/utils";
import { api, type RouterOutputs } from "@/trpc/react";

type HistoryItem = RouterOutputs["chats"]["history"]["items"][number];

export function useChatHistory() {
  return api.chats.history.useInfiniteQuery(
    { limit: HISTORY_PAGE_SIZE },
    { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 30_000 },
  );
}

/**
 * After a turn, the chat moves to the top of the history. Done in the cache when the chat is
 * already listed (no refetch of every loaded page); a chat not listed yet means a refetch.
 */
export function useBumpChatInHistory() {
  const utils = api.useUtils();
  return (chatId: string) => {
    const input = { limit: HISTORY_PAGE_SIZE };
    const data = utils.chats.history.getInfiniteData(input);
    const item = data?.pages.flatMap((p) => p.items).find((c) => c.id === chatId);
    if (!data || !item) {
      void utils.chats.history.invalidate();
      return;
    }
    utils.chats.history.setInfiniteData(input, (old) => {
      if (!old) return old;
      const pages = old.pages.map((p) => ({ ...p, items: p.items.filter((c) => c.id !== chatId) }));
      const [first, ...rest] = pages;
      return { ...old, pages: first ? [{ ...first, items: [{ ...item, updatedAt: new Date() }, ...first.items] }, ...rest] : pages };
    });
  };
}

/** Goes to a fresh new chat, even when already on "/". */
export function useNewChat() {
  const router = useRouter();
  const pathname = usePathname();
  return () => {
    if (pathname === "/") router.refresh();
    else router.push("/");
  };
}

export function ChatHistory({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const router = useRouter();
  const utils = api.useUtils();
  const newChat = useNewChat();
  const { openSearch } = useChatLayout();
  const history = useChatHistory();
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

  const rename = api.chats.rename.useMutation({
    onSuccess: () => utils.chats.history.invalidate(),
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
                  <li key={chat.id} className="group/item relative">
                    <Link
                      href={`/chat/${chat.id}`}
                      // Twenty chats in view would be twenty server renders right after every page load.
                      prefetch={false}
                      onClick={onNavigate}
                      aria-current={chat.id === activeId ? "page" : undefined}
                      className={cn(
                        "flex h-8 items-center gap-2 rounded-md pr-8 pl-2 text-sm text-sidebar-foreground/80 outline-none hover:bg-sidebar-accent hover:text-sidebar-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
                        chat.id === activeId && "bg-sidebar-accent font-medium text-sidebar-foreground",
                      )}
                    >
                      <span className="truncate">{chat.title || DEFAULT_CHAT_TITLE}</span>
                      {chat.visibility === "public" ? <Globe className="size-3 shrink-0 text-muted-foreground" aria-label="Public" /> : null}
                    </Link>
                    <DropdownMenu>
                      <DropdownMenuTrigger asChild>
                        <Button
                          variant="ghost"
                          size="icon-sm"
                          aria-label={`Options for ${chat.title || "chat"}`}
                          className="absolute top-0 right-0 size-8 opacity-100 data-[state=open]:opacity-100 md:opacity-0 md:group-focus-within/item:opacity-100 md:group-hover/item:opacity-100"
                        >
                          <MoreHorizontal />
                        </Button>
                      </DropdownMenuTrigger>
                      <DropdownMenuContent align="start" side="right">
                        <DropdownMenuItem onSelect={() => setRenaming(chat)}>
                          <Pencil /> Rename
                        </DropdownMenuItem>
                        <DropdownMenuSeparator />
                        <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(chat)}>
                          <Trash2 /> Delete
                        </DropdownMenuItem>
                      </DropdownMenuContent>
                    </DropdownMenu>
                  </li>
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

      <RenameDialog
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

function RenameDialog({
  chat,
  pending,
  onClose,
  onSave,
}: {
  chat: HistoryItem | null;
  pending: boolean;
  onClose: () => void;
  onSave: (title: string) => void;
}) {
  const [title, setTitle] = useState("");
  useEffect(() => {
    if (chat) setTitle(chat.title);
  }, [chat]);
  const trimmed = title.trim();
  return (
    <Dialog open={chat !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (trimmed && trimmed.length <= MAX_CHAT_TITLE_CHARS) onSave(trimmed);
          }}
          className="flex flex-col gap-4"
        >
          <DialogHeader>
            <DialogTitle>Rename chat</DialogTitle>
            <DialogDescription>Give this chat a name you will recognise in the history.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor="rename-chat-title">Title</Label>
            <Input id="rename-chat-title" value={title} maxLength={MAX_CHAT_TITLE_CHARS} autoFocus onChange={(e) => setTitle(e.target.value)} />
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!trimmed || pending}>
              {pending ? <Spinner /> : null} Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
