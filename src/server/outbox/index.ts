import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { outbox } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";

export interface OutboxEvent {
  name: string;
  data: Record<string, unknown>;
}

export type SendEvents = (events: Array<OutboxEvent & { id: string }>) => Promise<unknown>;

/** Call inside the transaction that writes the rows the event concerns. */
export async function enqueueEvent(tx: DbOrTx, event: OutboxEvent): Promise<string> {
  const eventId = `evt_${crypto.randomUUID()}`;
  await tx.insert(outbox).values({ eventId, name: event.name, data: event.data });
  return eventId;
}

/** Retry delay after `attempts` failures: 1s, 2s, 4s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/**
 * Sends every due, undelivered event. Failures stay in the table with a later
 * next_attempt_at; nothing is ever dropped. Returns how many were delivered.
 */
export async function deliverOutbox(db: Db, send: SendEvents, batchSize = 50): Promise<number> {
  let delivered = 0;
  for (;;) {
    const due = await db
      .select()
      .from(outbox)
      .where(and(isNull(outbox.deliveredAt), lte(outbox.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outbox.id))
      .limit(batchSize);
    if (due.length === 0) return delivered;
    const ids = due.map((r) => r.id);
    try {
      await send(due.map((r) => ({ id: r.eventId, name: r.name, data: r.data })));
      await db.update(outbox).set({ deliveredAt: sql`now()`, lastError: null }).where(inArray(outbox.id, ids));
      delivered += due.length;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      for (const row of due) {
        await db
          .update(outbox)
          .set({
            attempts: row.attempts + 1,
            lastError: message.slice(0, 1000),
            nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts + 1)),
          })
          .where(and(eq(outbox.id, row.id), isNull(outbox.deliveredAt)));
      }
      return delivered;
    }
    if (due.length < batchSize) return delivered;
  }
}

export async function pendingOutboxCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(isNull(outbox.deliveredAt));
  return row?.n ?? 0;
}
