"use client";

import type { UseChatHelpers } from "@ai-sdk/react";
import type { FileUIPart } from "ai";
import { useCallback, useRef } from "react";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { messageFiles, messageText } from "./message-text";

type ChatHelpers = Pick<UseChatHelpers<RadiumUIMessage>, "messages" | "sendMessage" | "regenerate" | "clearError">;

interface Options extends ChatHelpers {
  /** Called before a first message is sent (the chat gets its address). */
  onFirstSend: () => void;
  /** Marks an answer as stopped or not (a continued answer no longer is). */
  markStopped: (messageId: string, stopped: boolean) => void;
}

/**
 * What the user can do to the conversation: send, edit, regenerate, continue, retry. Every turn
 * first saves a pending edit in the open document (`registerFlush`), so the model works from what
 * the user sees.
 */
export function useChatActions({ messages, sendMessage, regenerate, clearError, onFirstSend, markStopped }: Options) {
  const flushArtifact = useRef<(() => Promise<void>) | null>(null);
  const registerFlush = useCallback((fn: (() => Promise<void>) | null) => {
    flushArtifact.current = fn;
  }, []);

  const send = useCallback(
    async (text: string, files: FileUIPart[] = []) => {
      await flushArtifact.current?.();
      onFirstSend();
      // Files alone are a message: no empty text part beside them.
      void sendMessage(text ? { text, files } : { files });
    },
    [onFirstSend, sendMessage],
  );

  const onEdit = useCallback(
    async (messageId: string, text: string, files: FileUIPart[] = []) => {
      await flushArtifact.current?.();
      void sendMessage(text ? { text, files, messageId } : { files, messageId });
    },
    [sendMessage],
  );

  const onRegenerate = useCallback(
    async (messageId: string) => {
      await flushArtifact.current?.();
      void regenerate({ messageId });
    },
    [regenerate],
  );

  // A send without a message carries on the last answer (the transport names it).
  const onContinue = useCallback(
    async (messageId: string) => {
      await flushArtifact.current?.();
      markStopped(messageId, false);
      void sendMessage();
    },
    [markStopped, sendMessage],
  );

  // Re-sending the last user message under its id replaces it and anything after it.
  const retry = useCallback(async () => {
    clearError();
    const lastUser = messages.findLast((m) => m.role === "user");
    if (!lastUser) return;
    await onEdit(lastUser.id, messageText(lastUser), messageFiles(lastUser));
  }, [clearError, messages, onEdit]);

  return { registerFlush, send, onEdit, onRegenerate, onContinue, retry };
}
