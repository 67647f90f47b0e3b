import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { AttachmentKind } from "@/lib/chat/attachments";
import { users } from "./users";

/**
 * A file a user attached to a chat message: the bytes live in storage under `storage_key`
 * (`{userId}/chat-attachments/{id}`), read back from the kind they were stored in. Messages name an
 * attachment by its url (/api/chat/attachments/{id}); who may read it is decided in
 * src/server/chat/access.ts (its owner, or anyone who can read a public chat of the owner showing it).
 */
export const chatAttachments = pgTable(
  "chat_attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().$type<AttachmentKind>().notNull(),
    /** Decided by the server from the bytes (images) or the name (text files), never taken from the browser. */
    mediaType: text().notNull(),
    /** As the user's file was named (cleaned of paths and control characters). */
    filename: text().notNull(),
    size: integer().notNull(),
    storageKind: text().$type<"local" | "uploadthing">().notNull(),
    // Derived from the id (unique by construction).
    storageKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("chat_attachments_user_created_idx").on(t.userId, t.createdAt),
    check("chat_attachments_kind_check", sql`${t.kind} in ('image', 'text')`),
    check("chat_attachments_storage_kind_check", sql`${t.storageKind} in ('local', 'uploadthing')`),
    check("chat_attachments_size_check", sql`${t.size} > 0`),
  ],
);

export type ChatAttachment = typeof chatAttachments.$inferSelect;
