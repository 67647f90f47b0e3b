/**
 * The user's side of a chat turn, written in one transaction: the per-user lock of the daily limit,
 * then ONE statement that counts the user's turns and, only while under the limit, records this
 * one, creates the chat (its first message) or marks it active, deletes the turns an edit or a
 * regeneration discards, and inserts the new message or replaces the edited one. Refused by the
 * limit, it writes nothing; the chat's owner is checked in the same statement. It runs while the
 * model works on its first token, so its round trips stay few.
 *
 * Its commit does not wait for the disk (synchronous_commit off, for this transaction only): the
 * answer waits for this write, and a WAL flush was most of its time. The rows are visible to every
 * reader at once and can never be half-written; only a crash of the database server in the next
 * fraction of a second (wal_writer_delay) could lose this turn, and the next synchronous commit,
 * such as the answer's save, makes it durable too.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { ChatVisibility } from "@/lib/chat/contract";
import type { Db } from "@/server/db/types";
import { DEFAULT_CHAT_TITLE } from "./chats";
import { ChatError } from "./errors";
import { checkDailyLimit, type LimitCheck, lockUserTurns, windowStart } from "./limits";

export interface TurnWrite {
  userId: string;
  chatId: string;
  model: string;
  /** Set for a chat that did not exist when the turn was read: it is created with these. */
  create?: { visibility: ChatVisibility };
  /** Delete the chat's messages from this time on (an edit's or a regeneration's discarded turns). */
  deleteFrom?: Date | null;
  insert?: { id: string; parts: unknown[]; createdAt: Date };
  edit?: { id: string; parts: unknown[] };
}

export type TurnCommit = { allowed: true; createdChat: boolean } | Extract<LimitCheck, { allowed: false }>;

interface Row {
  used: number | string;
  claimed: number | string;
  created: number | string;
  owned: number | string;
}

export async function commitTurn(db: Db, w: TurnWrite, opts: { limit: number; now?: Date }): Promise<TurnCommit> {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const { userId, chatId } = w;
  const newChat = w.create
    ? sql`new_chat as (insert into chats (id, user_id, title, visibility, model, created_at, updated_at)
                       select ${chatId}::uuid, ${userId}, ${DEFAULT_CHAT_TITLE}, ${w.create.visibility}, ${w.model}, ${at}::timestamptz, ${at}::timestamptz
                       where exists (select 1 from turn)
                       on conflict do nothing returning id),`
    : sql`new_chat as (select null::uuid as id where false),`;
  const del = w.deleteFrom
    ? sql`, del as (delete from messages where chat_id = ${chatId} and created_at >= ${w.deleteFrom.toISOString()}
                    and exists (select 1 from owned) returning 1)`
    : sql``;
  const ins = w.insert
    ? sql`, ins as (insert into messages (id, chat_id, role, parts, created_at)
                    select ${w.insert.id}, ${chatId}::uuid, 'user', ${JSON.stringify(w.insert.parts)}::jsonb, ${w.insert.createdAt.toISOString()}::timestamptz
                    where exists (select 1 from owned) returning 1)`
    : sql``;
  const edit = w.edit
    ? sql`, edit as (update messages set parts = ${JSON.stringify(w.edit.parts)}::jsonb
                     where chat_id = ${chatId} and id = ${w.edit.id} and exists (select 1 from owned) returning 1)`
    : sql``;
  return db.transaction(async (tx) => {
    await lockUserTurns(tx, userId, { asyncCommit: true });
    const result = await tx.execute(sql`
      with used as (select count(*) as n from chat_turns where user_id = ${userId} and created_at > ${windowStart(now).toISOString()}),
      turn as (insert into chat_turns (user_id, chat_id, created_at)
               select ${userId}, ${chatId}::uuid, ${at}::timestamptz from used where used.n < ${opts.limit} returning id),
      ${newChat}
      touched as (update chats set updated_at = ${at}, model = ${w.model}
                  where id = ${chatId} and user_id = ${userId} and exists (select 1 from turn) returning id),
      owned as (select id from new_chat union all select id from touched)${del}${ins}${edit}
      select (select n from used) as used, (select count(*) from turn) as claimed,
             (select count(*) from new_chat) as created, (select count(*) from owned) as owned
    `);
    const row = (result as unknown as { rows: Row[] }).rows[0];
    if (!row) throw new Error("the chat turn was not written");
    if (Number(row.claimed) === 0) {
      // Refused: the (rare) slow path works out when the window frees a slot.
      const check = await checkDailyLimit(tx, userId, now, opts.limit);
      if (!check.allowed) return check;
      throw new Error("the chat turn was neither recorded nor refused");
    }
    // Someone else's chat took the id after the turn was read: roll the claim back with the rest.
    if (Number(row.owned) === 0) throw new ChatError("not_found", "chat", "Chat not found.");
    return { allowed: true, createdChat: Number(row.created) > 0 };
  });
}
