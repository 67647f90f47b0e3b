import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Sessions of the local sign-in (Clerk keeps its own). The signed cookie names its row; a
 * session is valid only while the row exists and has not expired, so signing out (deleting the
 * row) or signing out everywhere (deleting the user's rows) ends it at once.
 */
export const localSessions = pgTable(
  "local_sessions",
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("local_sessions_user_idx").on(t.userId)],
);

export type LocalSessionRow = typeof localSessions.$inferSelect;
