"use client";

import { Globe, MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { DEFAULT_CHAT_TITLE } from "@/lib/chat/contract";
import { cn } from "@/lib/utils";
import type { HistoryItem } from "./history-cache";

/** One chat in the history: a link to it, and its Rename / Delete menu. */
export function HistoryEntry({
  chat,
  active,
  onNavigate,
  onRename,
  onDelete,
}: {
  chat: HistoryItem;
  active: boolean;
  onNavigate?: () => void;
  onRename: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="group/item relative">
      <Link
        href={`/chat/${chat.id}`}
        // Twenty chats in view would be twenty server renders right after every page load.
        prefetch={false}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex h-8 items-center gap-2 rounded-md pr-8 pl-2 text-sm text-sidebar-foreground/80 outline-none hover:bg-sidebar-accent hover:text-sidebar-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring",
          active && "bg-sidebar-accent font-medium text-sidebar-foreground",
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
          <DropdownMenuItem onSelect={onRename}>
            <Pencil /> Rename
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={onDelete}>
            <Trash2 /> Delete
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </li>
  );
}
