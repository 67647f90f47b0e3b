/**
 * Messages of a chat, stored as AI SDK UI messages (parts as jsonb) in a tree (branches.ts).
 * Callers check chat access first.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Chat, chats, messages, type Message } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { branchPath } from "./branch-path";

export function toUIMessage(row: Pick<Message, "id" | "role" | "parts" | "metadata">): RadiumUIMessage {
  return {
    id: row.id,
    role: row.role,
    parts: row.parts,
    ...(row.metadata ? { metadata: row.metadata } : {}),
  };
}

type MessageRow = Pick<Message, "id" | "parentId" | "role" | "parts" | "metadata">;

/**
 * A chat with the conversation it shows (the branch ending at its tip, oldest first), read in one
 * round trip: the chat page and a branch switch wait on it. Null when there is no such chat.
 */
export async function loadChatConversation(db: DbOrTx, chatId: string): Promise<{ chat: Chat; messages: RadiumUIMessage[] } | null> {
  const [row] = await db
    .select({
      chat: chats,
      messages: sql<MessageRow[] | null>`json_agg(json_build_object('id', ${messages.id}, 'parentId', ${messages.parentId}, 'role', ${messages.role}, 'parts', ${messages.parts}, 'metadata', ${messages.metadata})) filter (where ${messages.id} is not null)`,
    })
    .from(chats)
    .leftJoin(messages, eq(messages.chatId, chats.id))
    .where(eq(chats.id, chatId))
    .groupBy(chats.id);
  return row ? { chat: row.chat, messages: branchPath(row.messages ?? [], row.chat.leafId).map(toUIMessage) } : null;
}

/** The conversation shown after the tip moved (a branch switch). */
export async function loadCurrentMessages(db: DbOrTx, chatId: string): Promise<RadiumUIMessage[]> {
  return (await loadChatConversation(db, chatId))?.messages ?? [];
}

export async function findMessage(db: DbOrTx, id: string): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
  return row ?? null;
}

/** Appends a message to the chat's current branch (it becomes the tip). */
export async function insertMessage(
  db: DbOrTx,
  row: { id: string; chatId: string; role: Message["role"]; parts: unknown[]; metadata?: Record<string, unknown> | null; createdAt: Date },
): Promise<void> {
  await db.execute(sql`
    with ins as (
      insert into messages (id, chat_id, parent_id, role, parts, metadata, created_at)
      select ${row.id}, ${row.chatId}::uuid, (select leaf_id from chats where id = ${row.chatId}), ${row.role},
             ${JSON.stringify(row.parts)}::jsonb, ${row.metadata ? JSON.stringify(row.metadata) : null}::jsonb, ${row.createdAt.toISOString()}::timestamptz
      returning id)
    update chats set leaf_id = (select id from ins) where id = ${row.chatId}`);
}

/**
 * Saves an assistant answer (finished or cut short) after `parentId`, and makes it the tip of the
 * chat's branch. An id already stored in this chat (a continued answer) is overwritten in place;
 * an id that belongs to another chat is never touched.
 */
export async function saveAssistantMessage(
  db: DbOrTx,
  chatId: string,
  message: { id: string; parts: unknown[]; metadata?: Record<string, unknown> | null },
  createdAt: Date,
  parentId: string | null,
): Promise<void> {
  const parts = JSON.stringify(message.parts);
  const metadata = message.metadata ? JSON.stringify(message.metadata) : null;
  await db.execute(sql`
    with saved as (
      insert into messages (id, chat_id, parent_id, role, parts, metadata, created_at)
      values (${message.id}, ${chatId}::uuid, ${parentId}, 'assistant', ${parts}::jsonb, ${metadata}::jsonb, ${createdAt.toISOString()}::timestamptz)
      on conflict (id) do update set parts = excluded.parts, metadata = excluded.metadata where messages.chat_id = excluded.chat_id
      returning id)
    update chats set leaf_id = (select id from saved) where id = ${chatId} and exists (select 1 from saved)`);
}
