"use client";

import type { DataUIPart } from "ai";
import { useCallback, useState } from "react";
import type { DocumentRef as OpenDocument } from "@/lib/chat/tool-parts";
import type { RadiumDataParts } from "@/lib/chat/contract";
import { isDocumentStreamPart, reduceDocumentStream, type StreamingDocument } from "@/lib/chat/document-stream";
import { api } from "@/trpc/react";
import { useTitleInHistory } from "./history-cache";

export type ChatDataPart = DataUIPart<RadiumDataParts>;

/**
 * What the answer streams besides its text: a document being written (opened in the panel as it
 * starts), suggestions and a title; each refreshes the queries that show it.
 */
export function useChatData({ chatId, openDocument, onTitle }: { chatId: string; openDocument: (doc: OpenDocument) => void; onTitle: (title: string) => void }) {
  const utils = api.useUtils();
  const titleInHistory = useTitleInHistory();
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
        titleInHistory(titled, title);
      }
    },
    [chatId, openDocument, onTitle, titleInHistory, utils],
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
