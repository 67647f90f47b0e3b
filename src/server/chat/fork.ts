/**
 * "Continue in a new chat": a reader of a chat (a public one, or their own) gets a private copy of
 * its conversation and of the documents it created, every version, under new ids, in one
 * transaction. Tool parts name documents by id, so the copied messages are rewritten to name the
 * copies. Votes and suggestions are the original owner's and stay behind.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import { chats, documents, messages } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { readableChat } from "./access";

/** Replaces every old document id in a JSON value with its copy's (ids are UUIDs: no accidental matches). */
function renameIds<T>(value: T, ids: ReadonlyMap<string, string>): T {
  if (ids.size === 0 || value === null || value === undefined) return value;
  let json = JSON.stringify(value);
  for (const [from, to] of ids) json = json.replaceAll(from, to);
  return JSON.parse(json) as T;
}

/** The new chat's id, or null when the user may not read the chat. */
export async function forkChat(db: Db, userId: string, sourceId: string, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const access = await readableChat(tx, sourceId, userId);
    if (!access) return null;
    const [rows, versions] = await Promise.all([
      tx.select().from(messages).where(eq(messages.chatId, sourceId)).orderBy(asc(messages.createdAt), asc(messages.id)),
      tx.select().from(documents).where(eq(documents.chatId, sourceId)),
    ]);
    const chatId = crypto.randomUUID();
    const ids = new Map<string, string>();
    for (const v of versions) if (!ids.has(v.id)) ids.set(v.id, crypto.randomUUID());

    // Every branch comes along; the copy shows the one the original shows.
    const messageIds = new Map(rows.map((m) => [m.id, crypto.randomUUID()]));
    const leafId = access.chat.leafId ? (messageIds.get(access.chat.leafId) ?? null) : null;
    await tx.insert(chats).values({ id: chatId, userId, title: access.chat.title, model: access.chat.model, visibility: "private", leafId, createdAt: now, updatedAt: now });
    if (versions.length > 0) {
      await tx.insert(documents).values(
        versions.map((v) => ({ id: ids.get(v.id)!, createdAt: v.createdAt, userId, chatId, title: v.title, kind: v.kind, content: v.content })),
      );
    }
    if (rows.length > 0) {
      await tx.insert(messages).values(
        rows.map((m) => ({
          id: messageIds.get(m.id)!,
          chatId,
          parentId: m.parentId ? (messageIds.get(m.parentId) ?? null) : null,
          role: m.role,
          parts: renameIds(m.parts, ids),
          metadata: renameIds(m.metadata, ids),
          createdAt: m.createdAt,
        })),
      );
    }
    return chatId;
  });
}
