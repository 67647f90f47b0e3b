import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Events that start background work. Written in the same transaction as the rows they
 * concern, delivered to Inngest after commit and retried until accepted, so an
 * unreachable Inngest never fails a request and never loses an event.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    // Sent as the Inngest event id: Inngest de-duplicates on it, so a retry after an
    // accepted-but-unacknowledged send cannot start the work twice.
    eventId: text().notNull().unique(),
    name: text().notNull(),
    data: jsonb().notNull().$type<Record<string, unknown>>(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_pending_idx").on(t.deliveredAt, t.nextAttemptAt)],
);
