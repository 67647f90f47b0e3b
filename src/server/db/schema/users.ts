import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Clerk's user IDs are text (`user_…`); the local sign-in issues the same shape,
// so every user reference in the schema is `text`, never uuid.
export const users = pgTable("users", {
  id: text().primaryKey(),
  email: text().notNull().default(""),
  name: text(),
  imageUrl: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type User = typeof users.$inferSelect;
