"use client";

import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { api } from "@/trpc/react";
import type { BranchView } from "./branch-switcher";

/**
 * The versions of the shown conversation's messages (edits and regenerations keep the old ones),
 * and switching between them: the server moves the chat's tip and answers with the conversation
 * now shown, which replaces the client's.
 */
export function useChatBranches(chatId: string, enabled: boolean, setMessages: (messages: RadiumUIMessage[]) => void) {
  const utils = api.useUtils();
  const query = api.chats.branches.useQuery({ id: chatId }, { enabled, retry: false });
  const branches = useMemo(() => new Map<string, BranchView>((query.data ?? []).map((b) => [b.id, { index: b.index, siblings: b.siblings }])), [query.data]);
  const mutation = api.chats.switchBranch.useMutation({
    onSuccess: ({ messages }) => {
      setMessages(messages);
      void utils.chats.branches.invalidate({ id: chatId });
      void utils.documents.byChat.invalidate({ chatId });
    },
    onError: (e) => toast.error(e.message),
  });
  const switchTo = mutation.mutate;
  const onSwitchBranch = useCallback((messageId: string) => switchTo({ id: chatId, messageId }), [switchTo, chatId]);
  const refresh = useCallback(() => void utils.chats.branches.invalidate({ id: chatId }), [utils, chatId]);
  return { branches, onSwitchBranch, switching: mutation.isPending, refresh };
}
