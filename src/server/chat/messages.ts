/** Messages of a chat, stored as AI SDK UI messages (parts as jsonb). Callers check chat access first. */
import "server-only";
import { asc, eq } from "drizzle-orm";
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

export async function insertMessage(
  db: DbOrTx,
  row: { id: string; chatId: string; role: Message["role"]; parts: unknown[]; metadata?: Record<string, unknown> | null; createdAt: Date },
): Promise<void> {
  await db.insert(messages).values({ ...row, metadata: row.metadata ?? null });
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
