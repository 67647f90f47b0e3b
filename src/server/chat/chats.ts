/** Chats: create, list (keyset-paginated history), rename, delete, visibility and model. Owner-scoped. */
import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { z } from "zod";
import { boundedDate } from "@/lib/zod/text";
import { chats, type Chat } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";
import { type ChatVisibility, DEFAULT_CHAT_TITLE } from "@/lib/chat/contract";

export { DEFAULT_CHAT_TITLE };

/**
 * Creates the chat if the id is free. Returns the chat row with that id (possibly an existing one
 * owned by someone else — callers check ownership) and whether this call created it.
 */
export async function createChat(
  db: DbOrTx,
  input: { id: string; userId: string; model: string; visibility?: ChatVisibility; title?: string; now?: Date },
): Promise<{ chat: Chat; created: boolean }> {
  const now = input.now ?? new Date();
  const [inserted] = await db
    .insert(chats)
    .values({
      id: input.id,
      userId: input.userId,
      model: input.model,
      visibility: input.visibility ?? "private",
      title: input.title ?? DEFAULT_CHAT_TITLE,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) return { chat: inserted, created: true };
  const [existing] = await db.select().from(chats).where(eq(chats.id, input.id)).limit(1);
  if (!existing) throw new Error(`chat ${input.id} vanished while being created`);
  return { chat: existing, created: false };
}

export interface HistoryItem {
  id: string;
  title: string;
  visibility: ChatVisibility;
  model: string;
  updatedAt: Date;
}

function encodeCursor(item: { updatedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([item.updatedAt.toISOString(), item.id])).toString("base64url");
}

// A cursor is ours, but comes back from the client: its parts are checked before they reach SQL.
const cursorParts = z.tuple([boundedDate(), z.uuid()]);

function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  try {
    const parsed = cursorParts.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString()));
    return parsed.success ? { updatedAt: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The history page query: most recently updated first, ties by id (chats_user_updated_id_idx's order). */
export function historyQuery(db: DbOrTx, userId: string, after: { updatedAt: Date; id: string } | null, limit: number) {
  return db
    .select({ id: chats.id, title: chats.title, visibility: chats.visibility, model: chats.model, updatedAt: chats.updatedAt })
    .from(chats)
    .where(
      and(
        eq(chats.userId, userId),
        after
          ? or(lt(chats.updatedAt, after.updatedAt), and(eq(chats.updatedAt, after.updatedAt), lt(chats.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(chats.updatedAt), desc(chats.id))
    .limit(limit);
}

/** The user's chats, most recently updated first; `nextCursor` continues after the last item. */
export async function listChats(
  db: DbOrTx,
  userId: string,
  opts: { cursor?: string | null; limit: number },
): Promise<{ items: HistoryItem[]; nextCursor: string | null } | null> {
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (opts.cursor && !after) return null;
  const rows = await historyQuery(db, userId, after, opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor(last) : null };
}

type ChatPatch = Partial<Pick<Chat, "title" | "visibility" | "model">>;

/** Updates an owned chat; null when the user does not own a chat with that id. */
export async function updateChat(
  db: DbOrTx,
  userId: string,
  chatId: string,
  patch: ChatPatch,
  opts: { touch?: boolean } = {},
): Promise<Chat | null> {
  const [row] = await db
    .update(chats)
    .set({ ...patch, ...(opts.touch ? { updatedAt: new Date() } : {}) })
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)))
    .returning();
  return row ?? null;
}

/** Deletes an owned chat; its messages, votes and the documents it created go with it (ON DELETE CASCADE). */
export async function deleteChat(db: Db, userId: string, chatId: string): Promise<boolean> {
  const rows = await db
    .delete(chats)
    .where(and(eq(chats.id, chatId), eq(chats.userId, userId)))
    .returning({ id: chats.id });
  return rows.length > 0;
}

/** Deletes every chat of the user, and with them (the database's cascade) the documents they created. */
export async function deleteAllChats(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(chats).where(eq(chats.userId, userId)).returning({ id: chats.id });
  return rows.length;
}
