"use client";

import type { DataUIPart } from "ai";
import { useCallback, useState } from "react";
import type { DocumentRef as OpenDocument } from "@/lib/chat/tool-parts";
import { HISTORY_PAGE_SIZE, type RadiumDataParts } from "@/lib/chat/contract";
import { isDocumentStreamPart, reduceDocumentStream, type StreamingDocument } from "@/lib/chat/document-stream";
import { api } from "@/trpc/react";

export type ChatDataPart = DataUIPart<RadiumDataParts>;

/**
 * What the answer streams besides its text: a document being written (opened in the panel as it
 * starts), suggestions and a title; each refreshes the queries that show it.
 */
export function useChatData({ chatId, openDocument, onTitle }: { chatId: string; openDocument: (doc: OpenDocument) => void; onTitle: (title: string) => void }) {
  const utils = api.useUtils();
  const [streamDoc, setStreamDoc] = useState<StreamingDocument | null>(null);

  const onData = useCallback(
    (part: ChatDataPart) => {
      if (isDocumentStreamPart(part)) {
        setStreamDoc((s) => reduceDocumentStream(s, part));
        if (part.type === "data-document-start") openDocument({ id: part.data.id, title: part.data.title, kind: part.data.kind });
        if (part.type === "data-document-finish") {
          void utils.documents.versions.invalidate({ id: part.data.id });
          void utils.documents.byChat.invalidate({ chatId });
        }
      } else if (part.type === "data-suggestions-ready") {
        void utils.suggestions.byDocument.invalidate({ documentId: part.data.documentId });
      } else if (part.type === "data-chat-title") {
        const { chatId: titled, title } = part.data;
        if (titled === chatId) onTitle(title);
        // Into the history's copy, not refetched: the title is saved beside the answer, before the
        // response ends, so a refetch now could still read the old one. A chat not listed yet is
        // loaded after the turn (useBumpChatInHistory), by then with its title.
        utils.chats.history.setInfiniteData({ limit: HISTORY_PAGE_SIZE }, (old) =>
          old ? { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === titled ? { ...c, title } : c)) })) } : old,
        );
      }
    },
    [chatId, openDocument, onTitle, utils],
  );

  /** A stopped or failed answer leaves no document mid-stream. */
  const settle = useCallback(() => {
    setStreamDoc((s) => {
      if (s?.status !== "streaming") return s;
      void utils.documents.versions.invalidate({ id: s.id });
      return { ...s, status: "done" };
    });
  }, [utils]);

  return { streamDoc, onData, settle };
}
