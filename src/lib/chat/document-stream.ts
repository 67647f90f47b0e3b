/**
 * The artifact panel's view of a document while the model writes it: a pure reducer over the
 * streamed `data-document-*` parts, so the panel and its tests agree on what each part does.
 */
import type { ArtifactKind, RadiumDataParts } from "./contract";

export interface StreamingDocument {
  id: string;
  title: string;
  kind: ArtifactKind;
  action: "create" | "update";
  /** Content received since the last document-start. */
  content: string;
  status: "streaming" | "done";
  /** Version key of the saved version once finished (ISO string). */
  createdAt: string | null;
}

export type DocumentStreamPart =
  | { type: "data-document-start"; data: RadiumDataParts["document-start"] }
  | { type: "data-document-delta"; data: RadiumDataParts["document-delta"] }
  | { type: "data-document-finish"; data: RadiumDataParts["document-finish"] };

export function isDocumentStreamPart(part: { type: string; data?: unknown }): part is DocumentStreamPart {
  return (
    (part.type === "data-document-start" || part.type === "data-document-delta" || part.type === "data-document-finish") &&
    typeof part.data === "object" &&
    part.data !== null
  );
}

/** Applies one streamed part; parts for another document than the current one are ignored (except a new start). */
export function reduceDocumentStream(state: StreamingDocument | null, part: DocumentStreamPart): StreamingDocument | null {
  switch (part.type) {
    case "data-document-start":
      return {
        id: part.data.id,
        title: part.data.title,
        kind: part.data.kind,
        action: part.data.action,
        content: "",
        status: "streaming",
        createdAt: null,
      };
    case "data-document-delta":
      if (!state || state.id !== part.data.id) return state;
      return { ...state, content: state.content + part.data.delta };
    case "data-document-finish":
      if (!state || state.id !== part.data.id) return state;
      return { ...state, status: "done", createdAt: part.data.createdAt };
  }
}
