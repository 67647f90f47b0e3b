/**
 * Who may read what — the one place that decides. A chat is readable by its owner, and by any
 * signed-in user when it is public; a document is readable by its owner, and by anyone who can
 * read the public chat that created it; an attachment is readable by its owner, and by anyone
 * while a public chat of its owner shows it. Everything else is "not found" (never "forbidden",
 * which would confirm that the row exists). Writes are always owner-only.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { attachmentUrl } from "@/lib/chat/attachments";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { chatAttachments, chats, documents, messages, type Chat, type ChatAttachment, type Document } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { loadChatConversation } from "./messages";

export interface ChatAccess {
  chat: Chat;
  isOwner: boolean;
}

export async function findChat(db: DbOrTx, chatId: string): Promise<Chat | null> {
  const [chat] = await db.select().from(chats).where(eq(chats.id, chatId)).limit(1);
  return chat ?? null;
}

export function canReadChat(chat: Pick<Chat, "userId" | "visibility">, userId: string): boolean {
  return chat.userId === userId || chat.visibility === "public";
}

/** The chat when `userId` may read it, with whether they own it; null otherwise. */
export async function readableChat(db: DbOrTx, chatId: string, userId: string): Promise<ChatAccess | null> {
  const chat = await findChat(db, chatId);
  if (!chat || !canReadChat(chat, userId)) return null;
  return { chat, isOwner: chat.userId === userId };
}

/**
 * `readableChat` with the conversation it shows, in one round trip instead of two (the chat page's
 * conversation waits on it). The messages come back with the chat row and are dropped unread when
 * the rule above refuses.
 */
export async function readableConversation(
  db: DbOrTx,
  chatId: string,
  userId: string,
): Promise<(ChatAccess & { messages: RadiumUIMessage[] }) | null> {
  const found = await loadChatConversation(db, chatId);
  if (!found || !canReadChat(found.chat, userId)) return null;
  return { ...found, isOwner: found.chat.userId === userId };
}

export interface DocumentAccess {
  /** The latest version. */
  latest: Document;
  isOwner: boolean;
}

/** The document's latest version when `userId` may read it (owner, or through a public chat). */
export async function readableDocument(db: DbOrTx, documentId: string, userId: string): Promise<DocumentAccess | null> {
  const [row] = await db
    .select({ doc: documents, chatVisibility: chats.visibility })
    .from(documents)
    .leftJoin(chats, eq(chats.id, documents.chatId))
    .where(eq(documents.id, documentId))
    .orderBy(desc(documents.createdAt))
    .limit(1);
  if (!row) return null;
  const isOwner = row.doc.userId === userId;
  if (!isOwner && row.chatVisibility !== "public") return null;
  return { latest: row.doc, isOwner };
}

/** The document's latest version when `userId` owns it; null otherwise (also for other users' documents). */
export async function ownedDocument(db: DbOrTx, documentId: string, userId: string): Promise<Document | null> {
  const [doc] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.userId, userId)))
    .orderBy(desc(documents.createdAt))
    .limit(1);
  return doc ?? null;
}

/**
 * The attachment when `userId` may read it: they uploaded it, or a public chat of its owner has a
 * message showing it. The owner is part of the rule so that only they decide who sees their file:
 * a copy of their messages in someone else's chat (Continue in a new chat) shares nothing further.
 */
export async function readableAttachment(db: DbOrTx, attachmentId: string, userId: string): Promise<ChatAttachment | null> {
  const [row] = await db.select().from(chatAttachments).where(eq(chatAttachments.id, attachmentId)).limit(1);
  if (!row) return null;
  if (row.userId === userId) return row;
  const shows = JSON.stringify([{ type: "file", url: attachmentUrl(row.id) }]);
  const [shown] = await db
    .select({ id: messages.id })
    .from(chats)
    .innerJoin(messages, eq(messages.chatId, chats.id))
    .where(and(eq(chats.userId, row.userId), eq(chats.visibility, "public"), sql`${messages.parts} @> ${shows}::jsonb`))
    .limit(1);
  return shown ? row : null;
}
