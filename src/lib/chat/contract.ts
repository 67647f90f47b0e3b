/**
 * The contract between the chat server (/api/chat, tools, routers) and the chat UI.
 * Both sides import these types; change them here and both follow.
 */
import type { InferUITools, UIMessage } from "ai";
// Type-only: the tools' input and output types are read off their server definitions, no server code reaches the client.
import type { ChatTools } from "@/server/ai/tools";

export const ARTIFACT_KINDS = ["text", "code", "sheet"] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];
export type ChatVisibility = "private" | "public";

/**
 * Streamed `data-<name>` parts. Document parts are transient (not stored in the message). A type
 * alias, not an interface, so it is a `UIDataTypes` without an index signature and each part's
 * `data` narrows by its `type`.
 */
export type RadiumDataParts = {
  /** A tool started creating/updating a document: open the artifact panel on it. */
  "document-start": { id: string; title: string; kind: ArtifactKind; action: "create" | "update" };
  /** Streamed content: `delta` is appended to what arrived since the last document-start. */
  "document-delta": { id: string; delta: string };
  /** The document's new version is saved (createdAt is the version key, ISO string). */
  "document-finish": { id: string; createdAt: string };
  /** New suggestions saved for a document. */
  "suggestions-ready": { documentId: string; count: number };
  /** The generated title of a new chat. */
  "chat-title": { chatId: string; title: string };
};

export interface RadiumMessageMetadata {
  /** Model id used for an assistant message. */
  model?: string;
  /** True when the answer came from the offline model (labelled in the UI). */
  offline?: boolean;
  createdAt?: string;
  /**
   * Set when one of the user's own deployments answered (model id `deployment:<uuid>`): which one,
   * by id and by its endpoint name at the time.
   */
  deployment?: { id: string; name: string };
  /** The user stopped this answer before it finished; it can be continued. */
  stopped?: boolean;
}

/** Each chat tool's input and output, so a `tool-<name>` part narrows by its type and state. */
export type RadiumUITools = InferUITools<ChatTools>;

export type RadiumUIMessage = UIMessage<RadiumMessageMetadata, RadiumDataParts, RadiumUITools>;
export type RadiumMessagePart = RadiumUIMessage["parts"][number];

/** POST /api/chat request body (validated with zod on the server). */
export interface ChatRequestBody {
  /** Chat id (uuid); created on first message. */
  id: string;
  /** The new or edited user message (for "submit-message"), absent otherwise. */
  message?: RadiumUIMessage;
  trigger: "submit-message" | "regenerate-message" | "continue-message";
  /**
   * With "regenerate-message", the assistant message to replace; with "continue-message", the
   * stopped answer (the chat's last message) to carry on; with an edited user message, later turns are discarded.
   */
  messageId?: string;
  /** With "continue-message": how many characters of the stopped answer's text the client shows (it goes on from there). */
  continueFrom?: number;
  model: string;
  visibility?: ChatVisibility;
}

export const MAX_MESSAGE_CHARS = 8000;

/** A chat's title until one is generated; queries match on it ("only while still untitled"). */
export const DEFAULT_CHAT_TITLE = "New chat";
/** The longest title a user may give a chat. */
export const MAX_CHAT_TITLE_CHARS = 120;
/** Chats per page of the history (the server's default, the client's infinite query). */
export const HISTORY_PAGE_SIZE = 20;
