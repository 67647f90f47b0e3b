/**
 * A chat is a tree of messages: an edit or a regeneration adds a sibling instead of deleting, and
 * `chats.leaf_id` is the tip of the branch shown. The conversation is the path from that tip up to
 * the first message; switching a branch moves the tip to the newest message under the chosen
 * sibling (children are always newer than their parent, so the newest message below it is a tip).
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { chats, messages } from "@/server/db/schema";
import { rowsOf } from "@/server/db/rows";
import type { DbOrTx } from "@/server/db/types";

/**
 * The path from the chat's tip to its first message, as a CTE named `path(id, parent_id, depth)`
 * (depth 0 is the tip). Join it to messages with the chat's id as well: the planner cannot tell the
 * path is short, and without the chat's index it reads every message of every chat.
 */
export function pathCte(chatId: string) {
  return sql`path(id, parent_id, depth) as (
      select ${messages.id}, ${messages.parentId}, 0 from ${messages} join ${chats} on ${chats.leafId} = ${messages.id}
       where ${chats.id} = ${chatId} and ${messages.chatId} = ${chatId}
      union all
      select ${messages.id}, ${messages.parentId}, path.depth + 1 from ${messages} join path on ${messages.id} = path.parent_id
    )`;
}

export interface BranchPoint {
  /** A message of the path with siblings (other versions of it). */
  id: string;
  /** Its position among them, oldest first (0-based), and every sibling's id in that order. */
  index: number;
  siblings: string[];
}

/** The messages of the current path that have other versions, with those versions' ids. */
export async function branchPoints(db: DbOrTx, chatId: string): Promise<BranchPoint[]> {
  const result = await db.execute(sql`
    with recursive ${pathCte(chatId)}
    select p.id,
           (select json_agg(s.id order by s.created_at, s.id) from messages s
             where s.chat_id = ${chatId} and s.parent_id is not distinct from p.parent_id) as siblings
      from path p
     order by p.depth desc`);
  const points: BranchPoint[] = [];
  for (const row of rowsOf<{ id: string; siblings: string[] | null }>(result)) {
    const siblings = row.siblings ?? [];
    if (siblings.length > 1) points.push({ id: row.id, index: siblings.indexOf(row.id), siblings });
  }
  return points;
}

/**
 * Shows the branch through `messageId` (a message of the user's chat): the tip moves to the newest
 * message at or below it. False when the user owns no such chat or the message is not in it.
 */
export async function switchBranch(db: DbOrTx, userId: string, chatId: string, messageId: string): Promise<boolean> {
  const result = await db.execute(sql`
    with recursive below(id, created_at) as (
      select m.id, m.created_at from messages m
        join chats c on c.id = m.chat_id and c.user_id = ${userId}
       where m.id = ${messageId} and m.chat_id = ${chatId}
      union all
      select m.id, m.created_at from messages m join below b on m.parent_id = b.id
    ),
    tip as (select id from below order by created_at desc, id desc limit 1)
    update chats set leaf_id = (select id from tip)
     where id = ${chatId} and user_id = ${userId} and exists (select 1 from tip)
    returning id`);
  return rowsOf(result).length > 0;
}

/** Makes `messageId` the tip of the chat's branch (the newest turn is the one shown). */
export async function setLeaf(db: DbOrTx, chatId: string, messageId: string): Promise<void> {
  await db.update(chats).set({ leafId: messageId }).where(and(eq(chats.id, chatId)));
}
