import "server-only";
import type { ArtifactKind } from "@/lib/chat/contract";
import { saveVersion } from "@/server/chat/documents";
import { isAbortError, type ToolContext } from "./context";

interface DocumentTarget {
  id: string;
  title: string;
  kind: ArtifactKind;
  chatId: string | null;
  action: "create" | "update";
}

/**
 * Streams a document being written (start → deltas → finish data parts) and saves the result as
 * a new version. A new document stopped mid-way is saved as far as it got, like a stopped answer.
 * `write` produces the content, reporting each delta through `onDelta`.
 */
export async function streamDocumentVersion(
  { db, userId, writer }: Pick<ToolContext, "db" | "userId" | "writer">,
  doc: DocumentTarget,
  write: (onDelta: (delta: string) => void) => Promise<string>,
) {
  const { id, title, kind, chatId, action } = doc;
  writer.write({ type: "data-document-start", data: { id, title, kind, action }, transient: true });
  let streamed = "";
  const save = (content: string) => saveVersion(db, { id, userId, chatId, title, kind, content });
  let content: string;
  try {
    content = await write((delta) => {
      streamed += delta;
      writer.write({ type: "data-document-delta", data: { id, delta }, transient: true });
    });
  } catch (error) {
    // A stopped new document keeps what was written; a stopped rewrite keeps the previous version
    // rather than saving half a rewrite as the newest one.
    if (action === "create" && isAbortError(error) && streamed.trim()) await save(streamed);
    throw error;
  }
  const version = await save(content);
  writer.write({ type: "data-document-finish", data: { id, createdAt: version.createdAt.toISOString() }, transient: true });
  return { id, title, kind };
}
