"use client";

import { useMemo } from "react";
import type { StreamingDocument } from "@/lib/chat/document-stream";
import type { DocumentRef } from "@/lib/chat/tool-parts";
import { api } from "@/trpc/react";

/**
 * A document's saved versions, and the model's stream of it: shown while the model writes, and
 * after it finishes until the version it saved is listed (so the text does not blink back).
 */
export function useDocumentVersions(doc: DocumentRef, streaming: StreamingDocument | null, chatReadonly: boolean) {
  const stream = streaming && streaming.id === doc.id ? streaming : null;
  const isStreaming = stream?.status === "streaming";
  // A document the model is still creating has no versions to ask for yet.
  const creating = stream?.status === "streaming" && stream.action === "create";
  const query = api.documents.versions.useQuery({ id: doc.id }, { enabled: !creating, retry: false });
  const versions = useMemo(() => query.data?.versions ?? [], [query.data]);

  const savedAt = stream?.createdAt ? new Date(stream.createdAt).getTime() : null;
  const streamSaved = savedAt !== null && versions.some((v) => v.createdAt.getTime() === savedAt);
  const showStream = stream !== null && (stream.status === "streaming" || (stream.createdAt !== null && !streamSaved));

  return {
    versions,
    isOwner: (query.data?.isOwner ?? false) && !chatReadonly,
    /** The model's stream of this document, whether or not it is still on screen. */
    stream,
    /** The stream while it is what the panel shows, else null. */
    shownStream: showStream ? stream : null,
    isStreaming,
    loading: !showStream && query.isPending && !creating,
    missing: !showStream && query.isError,
  };
}
