"use client";

import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import type { OpenSuggestion } from "@/artifacts/types";
import { api } from "@/trpc/react";

/**
 * The document's open suggestions, and resolving one: unsaved typing is saved first, so an applied
 * suggestion builds on it, and an applied one shows the new version it made.
 */
export function useDocumentSuggestions({
  documentId,
  enabled,
  flushAndEnd,
  onApplied,
}: {
  documentId: string;
  enabled: boolean;
  flushAndEnd: () => Promise<void>;
  onApplied: () => void;
}) {
  const utils = api.useUtils();
  const query = api.suggestions.byDocument.useQuery({ documentId }, { enabled, retry: false });
  const resolve = api.suggestions.resolve.useMutation({
    onMutate: ({ id }) => {
      utils.suggestions.byDocument.setData({ documentId }, (old) => old?.filter((s) => s.id !== id));
    },
    onSuccess: async (res, vars) => {
      if (vars.action === "apply") {
        onApplied();
        await utils.documents.versions.invalidate({ id: documentId });
        toast.success(res.documentCreatedAt ? "Suggestion applied as a new version" : "Suggestion resolved");
      }
    },
    onError: (e) => {
      toast.error(e.message);
      void utils.suggestions.byDocument.invalidate({ documentId });
    },
    onSettled: () => utils.suggestions.byDocument.invalidate({ documentId }),
  });

  // Stable callbacks and arrays, so the memoized document view is not re-parsed on every chat chunk.
  const open: OpenSuggestion[] = useMemo(() => (query.data ?? []).filter((s) => s.status === "open"), [query.data]);
  const resolveSuggestion = resolve.mutate;
  const onResolve = useCallback(
    (id: string, action: "apply" | "dismiss") => {
      void flushAndEnd().then(() => resolveSuggestion({ id, action }));
    },
    [flushAndEnd, resolveSuggestion],
  );

  return { open, onResolve };
}
