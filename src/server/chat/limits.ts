/**
 * The per-user daily message limit: at most CHAT_DAILY_MESSAGE_LIMIT answered turns (messages,
 * edits and regenerations) in any 24-hour window (default 100), counted in chat_turns so deleting
 * chats does not reset it. When it is reached the answer says when the next message is allowed.
 */
import "server-only";
import { and, asc, count, eq, gt, type SQL, sql } from "drizzle-orm";
import { env } from "@/env";
import { chatTurns } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";

export const DEFAULT_DAILY_MESSAGE_LIMIT = 100;
const WINDOW_MS = 24 * 60 * 60 * 1000;

export function dailyMessageLimit(): number {
  return env.CHAT_DAILY_MESSAGE_LIMIT ?? DEFAULT_DAILY_MESSAGE_LIMIT;
}

export type LimitCheck = { allowed: true; used: number; limit: number } | { allowed: false; used: number; limit: number; resetAt: Date };

export async function checkDailyLimit(db: DbOrTx, userId: string, now = new Date(), limit = dailyMessageLimit()): Promise<LimitCheck> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const where = and(eq(chatTurns.userId, userId), gt(chatTurns.createdAt, since));
  const [row] = await db.select({ n: count() }).from(chatTurns).where(where);
  const used = Number(row?.n ?? 0);
  if (used < limit) return { allowed: true, used, limit };
  // The window frees a slot when the oldest message that keeps the count at the limit ages out.
  const [oldest] = await db
    .select({ createdAt: chatTurns.createdAt })
    .from(chatTurns)
    .where(where)
    .orderBy(asc(chatTurns.createdAt))
    .offset(Math.max(0, used - limit))
    .limit(1);
  const resetAt = new Date((oldest?.createdAt ?? now).getTime() + WINDOW_MS);
  return { allowed: false, used, limit, resetAt };
}

/** Advisory-lock key space of the daily limit ("CHTT"), so its per-user keys meet no other lock. */
const LOCK_SPACE = 0x43485454;

export type TurnClaim = (LimitCheck & { allowed: false }) | (LimitCheck & { allowed: true; turnId: number });

/**
 * Queues this transaction behind the user's other turn claims until it ends. Taken in its own
 * statement: a later statement's snapshot then sees every turn committed by earlier holders.
 * `asyncCommit` also lets the transaction's commit return before its WAL reaches the disk (see
 * turn-write.ts for why), in the same round trip.
 */
export async function lockUserTurns(tx: DbOrTx, userId: string, opts: { asyncCommit?: boolean } = {}): Promise<void> {
  await tx.execute(userTurnsLock(userId, opts));
}

/** lockUserTurns' statement, for a transaction that sends it with its BEGIN (turn-write.ts). */
export function userTurnsLock(userId: string, opts: { asyncCommit?: boolean } = {}): SQL {
  const lock = sql`pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${userId}))`;
  return opts.asyncCommit ? sql`select set_config('synchronous_commit', 'off', true), ${lock}` : sql`select ${lock}`;
}

/**
 * Counts the user's turns and records a new one as ONE atomic step: concurrent turns of the same
 * user queue on a per-user transaction lock, so each sees the turns claimed before it (a plain
 * read-then-insert lets every concurrent turn read the same count and pass). Other users' claims
 * do not wait. Give a claim back with `releaseDailyTurn` when the turn is not taken after all.
 * (The chat route claims inside its own turn-writing transaction: see turn-write.ts.)
 */
export async function claimDailyTurn(
  db: Db,
  userId: string,
  chatId: string,
  opts: { now?: Date; limit?: number } = {},
): Promise<TurnClaim> {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? dailyMessageLimit();
  return db.transaction(async (tx) => {
    await lockUserTurns(tx, userId);
    const check = await checkDailyLimit(tx, userId, now, limit);
    if (!check.allowed) return check;
    const [turn] = await tx.insert(chatTurns).values({ userId, chatId, createdAt: now }).returning({ id: chatTurns.id });
    if (!turn) throw new Error("the chat turn was not recorded");
    return { ...check, used: check.used + 1, turnId: turn.id };
  });
}

/** The start of the limit's window for a turn at `now`. */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - WINDOW_MS);
}

/** Gives a claimed turn back (the turn was refused or could not be saved). */
export async function releaseDailyTurn(db: DbOrTx, turnId: number): Promise<void> {
  await db.delete(chatTurns).where(eq(chatTurns.id, turnId));
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "You have sent 100 messages in the last 24 hours (the daily limit is 100). You can send more in 3 hours, at 14:05 UTC." */
export function limitMessage(check: Extract<LimitCheck, { allowed: false }>, now = new Date()): string {
  const ms = Math.max(0, check.resetAt.getTime() - now.getTime());
  const minutes = Math.ceil(ms / 60_000);
  const wait = minutes >= 90 ? plural(Math.round(minutes / 60), "hour") : plural(Math.max(1, minutes), "minute");
  const at = check.resetAt.toISOString().slice(11, 16);
  return `You have reached the daily limit of ${plural(check.limit, "message")}. You can send more in ${wait}, at ${at} UTC.`;
}
