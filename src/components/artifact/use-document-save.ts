"use client";

import { useCallback, useRef } from "react";
import type { DocumentRef } from "@/lib/chat/tool-parts";
import { api } from "@/trpc/react";
import type { SaveDraft } from "./use-autosave";

/**
 * Saves a draft of the document and puts the result in the cached version list, so the version
 * stepper counts it without a refetch.
 */
export function useDocumentSave(doc: DocumentRef): SaveDraft {
  const utils = api.useUtils();
  const save = api.documents.save.useMutation();
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;

  return useCallback<SaveDraft>(
    async (content, session) => {
      const res = await saveRef.current({ id: doc.id, content, replace: session ?? undefined });
      const at = new Date(res.createdAt).getTime();
      let created: Date | null = null;
      utils.documents.versions.setData({ id: doc.id }, (old) => {
        if (!old) return old;
        // The session's own version took the new text.
        if (session?.getTime() === at) {
          return { ...old, versions: old.versions.map((v) => (v.createdAt.getTime() === at ? { ...v, content } : v)) };
        }
        // Unchanged content answers with the current version's key: nothing new to list.
        if (old.versions.some((v) => v.createdAt.getTime() === at)) return old;
        created = new Date(at);
        const last = old.versions.at(-1);
        return {
          ...old,
          versions: [...old.versions, { id: doc.id, createdAt: res.createdAt, title: last?.title ?? doc.title, kind: last?.kind ?? doc.kind, content }],
        };
      });
      return created;
    },
    [doc.id, doc.title, doc.kind, utils],
  );
}
