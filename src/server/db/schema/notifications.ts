import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { NotificationPriority, NotificationResourceType, NotificationType } from "@/lib/notifications/types";
import { users } from "./users";

/**
 * Seed 003's Notification. Written only through src/server/notifications/notify.ts, which sets the
 * priority and link from the type and resource (src/lib/notifications/types.ts).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().$type<NotificationType>().notNull(),
    priority: text().$type<NotificationPriority>().notNull().default("normal"),
    title: text().notNull(),
    body: text().notNull().default(""),
    resourceType: text().$type<NotificationResourceType>(),
    resourceId: text(),
    /** The app path it opens ("/deployments/<id>"); null when there is nothing to open. */
    link: text(),
    // Set by background functions so a retried step records its notification once.
    dedupeKey: text().unique(),
    readAt: timestamp({ withTimezone: true }),
    // Millisecond precision: the list's cursor carries a JS Date, which has no microseconds.
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    // The list, newest first (keyset on created_at, id), with and without a type filter.
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("notifications_user_type_created_idx").on(
      t.userId,
      t.type,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The bell's unread count and the unread filter.
    index("notifications_user_unread_idx")
      .on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.readAt} is null`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
