import "server-only";
import type { LanguageModel, UIMessageStreamWriter } from "ai";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import type { Db } from "@/server/db/types";

/**
 * What every tool factory closes over. The user id comes from the session, never from model
 * input, so a tool can only read or change that user's documents.
 */
export interface ToolContext {
  db: Db;
  userId: string;
  chatId: string;
  writer: UIMessageStreamWriter<RadiumUIMessage>;
  /** The chat's model, also used to write document content. */
  model: LanguageModel;
}

export { isUuid } from "@/lib/uuid";

/** The one message every tool gives for a missing document and for another user's document. */
export const DOCUMENT_NOT_FOUND = "Document not found. It may have been deleted, or it belongs to someone else.";

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || /abort/i.test(error.message));
}
