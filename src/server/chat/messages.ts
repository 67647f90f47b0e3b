/** Messages of a chat, stored as AI SDK UI messages (parts as jsonb). Callers check chat access first. */
import { and, asc, desc, eq, gt, gte } from "drizzle-orm";
import { messages, type Message } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { RadiumMessageMetadata, RadiumUIMessage } from "@/lib/chat/contract";

export function toUIMessage(row: Pick<Message, "id" | "role" | "parts" | "metadata">): RadiumUIMessage {
  return {
    id: row.id,
    role: row.role,
    parts: row.parts as RadiumUIMessage["parts"],
    ...(row.metadata ? { metadata: row.metadata as RadiumMessageMetadata } : {}),
  };
}

/** A chat's messages, oldest first. */
export async function loadMessages(db: DbOrTx, chatId: string): Promise<RadiumUIMessage[]> {
  const rows = await db
    .select({ id: messages.id, role: messages.role, parts: messages.parts, metadata: messages.metadata })
    .from(messages)
    .where(eq(messages.chatId, chatId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map(toUIMessage);
}

export async function findMessage(db: DbOrTx, id: string): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row ?? null;
}

export async function lastMessage(db: DbOrTx, chatId: string): Promise<Message | null> {
  const [row] = await db
    .select()
    .from(messages)
    .where(eq(messages.chatId, chatId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  return row ?? null;
}

export async function insertMessage(
  db: DbOrTx,
  row: { id: string; chatId: string; role: Message["role"]; parts: unknown[]; metadata?: Record<string, unknown> | null; createdAt: Date },
): Promise<void> {
  await db.insert(messages).values({ ...row, metadata: row.metadata ?? null });
}

/** Replaces an edited message's parts. */
export async function updateMessageParts(db: DbOrTx, chatId: string, id: string, parts: unknown[]): Promise<void> {
  await db
    .update(messages)
    .set({ parts })
    .where(and(eq(messages.chatId, chatId), eq(messages.id, id)));
}

/** Deletes the chat's messages created after `createdAt` (or at/after it with `inclusive`). */
export async function deleteMessagesAfter(db: DbOrTx, chatId: string, createdAt: Date, opts: { inclusive?: boolean } = {}) {
  const rows = await db
    .delete(messages)
    .where(and(eq(messages.chatId, chatId), opts.inclusive ? gte(messages.createdAt, createdAt) : gt(messages.createdAt, createdAt)))
    .returning({ id: messages.id });
  return rows.length;
}

/**
 * Saves an assistant answer (finished or cut short). An id already stored in this chat is
 * overwritten; an id that belongs to another chat is never touched.
 */
export async function saveAssistantMessage(
  db: DbOrTx,
  chatId: string,
  message: { id: string; parts: unknown[]; metadata?: Record<string, unknown> | null },
  createdAt: Date,
): Promise<void> {
  await db
    .insert(messages)
    .values({ id: message.id, chatId, role: "assistant", parts: message.parts, metadata: message.metadata ?? null, createdAt })
    .onConflictDoUpdate({
      target: messages.id,
      set: { parts: message.parts, metadata: message.metadata ?? null },
      setWhere: eq(messages.chatId, chatId),
    });
}
