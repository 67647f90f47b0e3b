/** Up/down votes on assistant messages, one per user and message. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { votes } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

export async function votesOf(db: DbOrTx, chatId: string, userId: string) {
  return db
    .select({ messageId: votes.messageId, isUpvoted: votes.isUpvoted })
    .from(votes)
    .where(and(eq(votes.chatId, chatId), eq(votes.userId, userId)));
}

export async function castVote(db: DbOrTx, v: { chatId: string; messageId: string; userId: string; isUpvoted: boolean }) {
  await db
    .insert(votes)
    .values(v)
    .onConflictDoUpdate({ target: [votes.messageId, votes.userId], set: { isUpvoted: v.isUpvoted } });
}
