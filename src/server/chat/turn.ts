/**
 * Decides a chat turn from one snapshot read, writing nothing: whose chat it is, the history the
 * model answers, and what must be written (turn-write.ts) before the answer may reach the client.
 */
import "server-only";
import { attachmentNames } from "@/lib/chat/attachments";
import { trimAnswerText } from "@/lib/chat/continued-text";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import type { ResolvedChatModel } from "@/server/ai/models";
import { DEFAULT_CHAT_TITLE } from "./chats";
import { ChatError } from "./errors";
import type { ChatRequest } from "./request";
import type { SnapshotMessage, TurnSnapshot } from "./snapshot";
import type { TurnWrite } from "./turn-write";

export interface Turn {
  chatId: string;
  history: RadiumUIMessage[];
  documents: TurnSnapshot["documents"];
  /** The time of the latest message of the turn: the answer is stored after it. */
  lastAt: Date;
  /** The text to title the chat from, when this turn gives the chat its first message. */
  firstUserText: string | null;
  /** Set when the turn carries on a stopped answer (the history's last message) instead of adding one. */
  continues: { id: string; createdAt: Date } | null;
  write: TurnWrite;
}

function textOf(parts: Array<{ type: string; text?: string }>): string {
  return parts
    .map((p) => (p.type === "text" ? (p.text ?? "") : ""))
    .join("\n")
    .trim();
}

/** A timestamp after `after` (ms precision), so message order is strict even within one millisecond. */
export function after(after: Date | null | undefined, now = Date.now()): Date {
  return new Date(after ? Math.max(now, after.getTime() + 1) : now);
}

/** Where the named message is in the conversation shown; a message of another branch is refused. */
function onPath(history: SnapshotMessage[], id: string): number {
  const at = history.findIndex((m) => m.message.id === id);
  if (at < 0) throw new ChatError("conflict", "message", "That message is not in the conversation shown (it was switched to another version). Reload the chat.");
  return at;
}

export function decideTurn(snap: TurnSnapshot, body: ChatRequest, userId: string, model: ResolvedChatModel): Turn {
  const chat = snap.chat;
  if (chat && chat.userId !== userId) {
    throw chat.visibility === "public"
      ? new ChatError("forbidden", "chat", "This is someone else's public chat: you can read it, but not add to it.")
      : new ChatError("not_found", "chat", "Chat not found.");
  }
  if (!chat && body.trigger !== "submit-message") throw new ChatError("not_found", "chat", "Chat not found.");
  if (snap.named && snap.named.chatId !== body.id) {
    throw new ChatError("conflict", "message", "This message id is already used by another chat.");
  }
  const base = {
    userId,
    chatId: body.id,
    model: model.info.id,
    ...(chat ? {} : { create: { visibility: body.visibility ?? "private" } }),
  };

  let history: SnapshotMessage[];
  let write: TurnWrite;
  if (body.trigger === "continue-message") {
    // Only the chat's last answer can be carried on: anything after it would no longer follow.
    const last = snap.history.at(-1);
    if (!snap.named || last?.message.id !== body.messageId || last.message.role !== "assistant") {
      throw new ChatError("bad_request", "message", "Only the chat's last answer can be continued.");
    }
    // What the client shows of it: the few words saved after the client stopped reading are dropped.
    const shown = body.continueFrom === undefined ? last.message : { ...last.message, parts: trimAnswerText(last.message.parts, body.continueFrom) };
    return {
      chatId: body.id,
      history: [...snap.history.slice(0, -1).map((m) => m.message), shown],
      documents: snap.documents,
      lastAt: last.createdAt,
      firstUserText: null,
      continues: { id: last.message.id, createdAt: last.createdAt },
      write: { ...base, leaf: last.message.id },
    };
  }
  if (body.trigger === "submit-message") {
    const message = body.message;
    const stored = { id: message.id, role: "user" as const, parts: message.parts as RadiumUIMessage["parts"] };
    if (snap.named) {
      if (snap.named.role !== "user") throw new ChatError("bad_request", "message", "Only your own messages can be edited.");
      const at = onPath(snap.history, message.id);
      // An edit is a new version of the message: the old one, and the turns after it, stay as a branch.
      const createdAt = after(snap.named.createdAt);
      history = [...snap.history.slice(0, at), { message: stored, createdAt }];
      write = { ...base, edit: { id: message.id, parts: message.parts, createdAt, archiveId: crypto.randomUUID() }, leaf: message.id };
    } else {
      const createdAt = after(snap.history.at(-1)?.createdAt);
      const parentId = snap.history.at(-1)?.message.id ?? null;
      history = [...snap.history, { message: stored, createdAt }];
      write = { ...base, insert: { id: message.id, parts: message.parts, createdAt, parentId }, leaf: message.id };
    }
  } else {
    // Regenerate: a new answer beside the one replaced (which stays as a branch), to the same message.
    const anchorAt = body.messageId ? onPath(snap.history, body.messageId) : -1;
    const lastUserAt = snap.history.map((m) => m.message.role).lastIndexOf("user");
    const anchor = anchorAt >= 0 ? snap.history[anchorAt]! : null;
    const keep = anchor ? (anchor.message.role === "assistant" ? anchorAt : anchorAt + 1) : lastUserAt + 1;
    history = snap.history.slice(0, keep);
    write = { ...base, leaf: history.at(-1)?.message.id ?? null };
  }

  const last = history.at(-1);
  if (last?.message.role !== "user") throw new ChatError("bad_request", "message", "There is no message to answer.");
  const firstUser = history.find((m) => m.message.role === "user");
  const firstParts = firstUser?.message.parts ?? [];
  // A first message of files only is titled from their names.
  const firstUserText = !chat || (chat.title === DEFAULT_CHAT_TITLE && history.length === 1) ? textOf(firstParts) || attachmentNames(firstParts) : null;
  return {
    chatId: body.id,
    history: history.map((m) => m.message),
    documents: snap.documents,
    lastAt: last.createdAt,
    firstUserText,
    continues: null,
    write,
  };
}
