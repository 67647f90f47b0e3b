/**
 * The per-user daily message limit: at most CHAT_DAILY_MESSAGE_LIMIT answered turns (messages,
 * edits and regenerations) in any 24-hour window (default 100), counted in chat_turns so deleting
 * chats does not reset it. When it is reached the answer says when the next message is allowed.
 */
import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { env } from "@/env";
import { chatTurns } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

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
