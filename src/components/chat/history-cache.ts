"use client";

import { useCallback } from "react";
import { HISTORY_PAGE_SIZE } from "@/lib/chat/contract";
import { api, type RouterOutputs } from "@/trpc/react";

// Every change to the history's cached pages lives here, so one file knows their shape.

export type HistoryItem = RouterOutputs["chats"]["history"]["items"][number];

const input = { limit: HISTORY_PAGE_SIZE };

export function useChatHistory() {
  return api.chats.history.useInfiniteQuery(input, { getNextPageParam: (last) => last.nextCursor ?? undefined, staleTime: 30_000 });
}

/**
 * After a turn, the chat moves to the top of the history. Done in the cache when the chat is
 * already listed (no refetch of every loaded page); a chat not listed yet means a refetch.
 */
export function useBumpChatInHistory() {
  const utils = api.useUtils();
  return useCallback(
    (chatId: string) => {
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
    },
    [utils],
  );
}

/**
 * A title the server just gave a chat, into the history's copy. Not refetched: the title is saved
 * beside the answer, before the response ends, so a refetch then could still read the old one. A
 * chat not listed yet is loaded after the turn (useBumpChatInHistory), by then with its title.
 */
export function useTitleInHistory() {
  const utils = api.useUtils();
  return useCallback(
    (chatId: string, title: string) =>
      utils.chats.history.setInfiniteData(input, (old) =>
        old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === chatId ? { ...c, title } : c)) })) } : old,
      ),
    [utils],
  );
}
