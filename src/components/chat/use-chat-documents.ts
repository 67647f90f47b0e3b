"use client";

import { useCallback, useMemo } from "react";
import type { ArtifactKind, RadiumUIMessage } from "@/lib/chat/contract";
import { type DocumentRef, readToolPart } from "@/lib/chat/tool-parts";
import { api } from "@/trpc/react";

/**
 * The chat's documents: titles for the tool cards, and the latest one, which a reader of a public
 * chat opens from the header. Queried only once the chat is saved (a new chat has none yet).
 */
export function useChatDocuments(chatId: string, messages: RadiumUIMessage[], saved: boolean) {
  const docsQuery = api.documents.byChat.useQuery({ chatId }, { enabled: saved, retry: false });
  const docIndex = useMemo(() => {
    const map = new Map<string, { title: string; kind: ArtifactKind }>();
    for (const d of docsQuery.data ?? []) map.set(d.id, { title: d.title, kind: d.kind });
    return map;
  }, [docsQuery.data]);
  const titleFor = useCallback((docId: string) => docIndex.get(docId), [docIndex]);

  const latest = useMemo((): DocumentRef | null => {
    const id = latestWrittenId(messages) ?? docsQuery.data?.[0]?.id; // byChat is newest first
    const known = id ? docIndex.get(id) : undefined;
    return id && known ? { id, ...known } : null;
  }, [messages, docsQuery.data, docIndex]);

  return { titleFor, latest };
}

/** The document the conversation last created or changed, newest call first. */
function latestWrittenId(messages: RadiumUIMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const parts = messages[i]!.parts;
    for (let j = parts.length - 1; j >= 0; j--) {
      const view = readToolPart(parts[j]!);
      if (view?.documentId && (view.tool === "createDocument" || view.tool === "updateDocument")) return view.documentId;
    }
  }
  return null;
}
