"use client";

import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import { api } from "@/trpc/react";
import type { Vote } from "./message";

/** The owner's votes on a chat's answers, by message id, and an optimistic way to cast one. */
export function useChatVotes(chatId: string, enabled: boolean) {
  const utils = api.useUtils();
  const query = api.votes.byChat.useQuery({ chatId }, { enabled, retry: false });
  const votes = useMemo(() => {
    const map = new Map<string, Vote>();
    for (const v of query.data ?? []) map.set(v.messageId, v.isUpvoted ? "up" : "down");
    return map;
  }, [query.data]);
  const mutation = api.votes.vote.useMutation({
    onMutate: ({ messageId, type }) => {
      utils.votes.byChat.setData({ chatId }, (old) => [...(old ?? []).filter((v) => v.messageId !== messageId), { messageId, isUpvoted: type === "up" }]);
    },
    onError: (e) => {
      toast.error(e.message);
      void utils.votes.byChat.invalidate({ chatId });
    },
  });
  // `mutate` is stable; the mutation object is not, and depending on it would re-render every message.
  const vote = mutation.mutate;
  const onVote = useCallback((messageId: string, type: "up" | "down") => vote({ chatId, messageId, type }), [vote, chatId]);
  return { votes, onVote };
}
