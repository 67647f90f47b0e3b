/**
 * The user's side of a chat turn, written in one transaction: the per-user lock of the daily limit,
 * then ONE statement that counts the user's turns and, only while under the limit, records this
 * one, creates the chat (its first message) or marks it active and moves its tip, and inserts the
 * new message or the new version of an edited one. Refused by the
 * limit, it writes nothing; the chat's owner is checked in the same statement. Nothing is ever
 * deleted: an edit or a regeneration starts a branch (branches.ts) and moves the chat's tip. It runs while the
 * model works on its first token, so its round trips stay few: on the embedded database, whose one
 * session runs one statement at a time, the statement alone is the whole step.
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
import { rowsOf } from "@/server/db/rows";
import type { Connection } from "@/server/db/connect";
import { openedTransaction } from "@/server/db/opened-transaction";
import { DEFAULT_CHAT_TITLE } from "./chats";
import { ChatError } from "./errors";
import { checkDailyLimit, type LimitCheck, userTurnsLock, windowStart } from "./limits";

export interface TurnWrite {
  userId: string;
  chatId: string;
  model: string;
  /** Set for a chat that did not exist when the turn was read: it is created with these. */
  create?: { visibility: ChatVisibility };
  /** A new message after `parentId` (null: the chat's first). */
  insert?: { id: string; parts: unknown[]; createdAt: Date; parentId: string | null };
  /**
   * A new version of a message, under the same id (the client keeps it): the old version is copied
   * to `archiveId` and keeps the turns that followed it, as a branch beside the new one.
   */
  edit?: { id: string; parts: unknown[]; createdAt: Date; archiveId: string };
  /** The tip of the branch once written: the conversation shown while the answer is written. */
  leaf: string | null;
}

export type TurnCommit = { allowed: true; createdChat: boolean } | Extract<LimitCheck, { allowed: false }>;

interface Row {
  used: number | string;
  claimed: number | string;
  turn_id: number | string | null;
  created: number | string;
  owned: number | string;
}

/**
 * `oneSession`: the database has a single session that runs one statement at a time for every
 * caller (the embedded PGlite), so the step needs no per-user lock and no transaction around it.
 * `sessions`: a pool of server sessions, so the lock is sent with the transaction's BEGIN.
 */
export type TurnConnection = Pick<Connection, "db" | "oneSession" | "sessions">;

export async function commitTurn(conn: TurnConnection, w: TurnWrite, opts: { limit: number; now?: Date }): Promise<TurnCommit> {
  const { db } = conn;
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const { userId, chatId } = w;
  const newChat = w.create
    ? sql`new_chat as (insert into chats (id, user_id, title, visibility, model, leaf_id, created_at, updated_at)
                       select ${chatId}::uuid, ${userId}, ${DEFAULT_CHAT_TITLE}, ${w.create.visibility}, ${w.model}, ${w.leaf}, ${at}::timestamptz, ${at}::timestamptz
                       where exists (select 1 from turn)
                       on conflict do nothing returning id),`
    : sql`new_chat as (select null::uuid as id where false),`;
  const ins = w.insert
    ? sql`, ins as (insert into messages (id, chat_id, parent_id, role, parts, created_at)
                    select ${w.insert.id}, ${chatId}::uuid, ${w.insert.parentId}, 'user', ${JSON.stringify(w.insert.parts)}::jsonb, ${w.insert.createdAt.toISOString()}::timestamptz
                    where exists (select 1 from owned) returning 1)`
    : sql``;
  // The old version is copied aside and adopts the turns that followed it; the id takes the new text.
  const edit = w.edit
    ? sql`, archive as (insert into messages (id, chat_id, parent_id, role, parts, metadata, created_at)
                        select ${w.edit.archiveId}, chat_id, parent_id, role, parts, metadata, created_at from messages
                         where chat_id = ${chatId} and id = ${w.edit.id} and exists (select 1 from owned) returning id),
          adopt as (update messages set parent_id = (select id from archive)
                     where chat_id = ${chatId} and parent_id = ${w.edit.id} and exists (select 1 from archive) returning 1),
          edit as (update messages set parts = ${JSON.stringify(w.edit.parts)}::jsonb, created_at = ${w.edit.createdAt.toISOString()}::timestamptz
                    where chat_id = ${chatId} and id = ${w.edit.id} and exists (select 1 from archive) returning 1)`
    : sql``;
  const statement = sql`
      with used as (select count(*) as n from chat_turns where user_id = ${userId} and created_at > ${windowStart(now).toISOString()}),
      turn as (insert into chat_turns (user_id, chat_id, created_at)
               select ${userId}, ${chatId}::uuid, ${at}::timestamptz from used where used.n < ${opts.limit} returning id),
      ${newChat}
      touched as (update chats set updated_at = ${at}, model = ${w.model}, leaf_id = ${w.leaf}
                  where id = ${chatId} and user_id = ${userId} and exists (select 1 from turn) returning id),
      owned as (select id from new_chat union all select id from touched)${ins}${edit}
      select (select n from used) as used, (select count(*) from turn) as claimed, (select id from turn) as turn_id,
             (select count(*) from new_chat) as created, (select count(*) from owned) as owned
    `;
  /** What the statement did: recorded, refused by the limit (nothing written), or (thrown) neither. */
  const outcome = (row: Row | undefined): TurnCommit | "refused" => {
    if (!row) throw new Error("the chat turn was not written");
    if (Number(row.claimed) === 0) return "refused";
    // Someone else's chat took the id after the turn was read: the claim is given back with the rest.
    if (Number(row.owned) === 0) throw new ChatError("not_found", "chat", "Chat not found.");
    return { allowed: true, createdChat: Number(row.created) > 0 };
  };
  const result = await (conn.oneSession ? alone() : locked());
  if (result !== "refused") return result;
  // Refused: the (rare) slow path works out when the window frees a slot.
  const check = await checkDailyLimit(db, userId, now, opts.limit);
  if (!check.allowed) return check;
  throw new Error("the chat turn was neither recorded nor refused");

  async function alone() {
    // One session runs one statement at a time for everyone, so this one statement is the whole
    // step: no other turn can count in between, and no lock or transaction round trips are needed.
    const row = rowsOf<Row>(await db.execute(statement))[0];
    try {
      return outcome(row);
    } catch (error) {
      if (row?.turn_id) await db.execute(sql`delete from chat_turns where id = ${row.turn_id}`);
      throw error;
    }
  }

  function locked() {
    // The lock rides on the transaction's BEGIN: one round trip fewer before the answer may flow.
    return openedTransaction(conn, userTurnsLock(userId, { asyncCommit: true }), async (run) => outcome((await run<Row>(statement))[0]));
  }
}
