
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { DEFAULT_CHAT_TITLE, type RadiumMessageMetadata, type RadiumMessagePart } from "@/lib/chat/contract";
import { users } from "./users";

/** Postgres full-text search vectors (history search); written by the database, never by us. */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const chats = pgTable(
  "chats",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text().notNull().default(DEFAULT_CHAT_TITLE),
    visibility: text().$type<"private" | "public">().notNull().default("private"),
    model: text().notNull(), // model id from the chat model registry
    /** The tip of the branch shown: the conversation is the path from it up to the first message. */
    leafId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The history's order exactly (ORDER BY updated_at DESC, id DESC: nulls first, as DESC implies),
    // so a page is an index range scan.
    index("chats_user_updated_id_idx").on(t.userId, t.updatedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("chats_title_search_idx").using("gin", sql`to_tsvector('simple'::regconfig, ${t.title})`),
    check("chats_visibility_check", sql`${t.visibility} in ('private', 'public')`),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: text().primaryKey(), // the AI SDK UIMessage id
    chatId: uuid()
      .notNull()
      .references(() => chats.id, { onDelete: "cascade" }),
    /**
     * The message this one follows (null for a first message). Edits and regenerations add siblings
     * rather than deleting: the chat is a tree, and its branches stay reachable. Deleting a message
     * deletes the turns that follow it.
     */
    parentId: text().references((): AnyPgColumn => messages.id, { onDelete: "cascade" }),
    role: text().$type<"user" | "assistant" | "system">().notNull(),
    parts: jsonb().notNull().$type<RadiumMessagePart[]>(),
    metadata: jsonb().$type<RadiumMessageMetadata>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The words of the message's text parts ('simple': no stemming, any language), for history search. */
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, jsonb_path_query_array(parts, '$[*] ? (@.type == "text").text'))`),
  },
  (t) => [
    index("messages_chat_created_idx").on(t.chatId, t.createdAt),
    index("messages_parent_idx").on(t.parentId),
    index("messages_search_idx").using("gin", t.search),
    check("messages_role_check", sql`${t.role} in ('user', 'assistant', 'system')`),
  ],
);

export const votes = pgTable(
  "votes",
  {
    chatId: uuid()
      .notNull()
      .references(() => chats.id, { onDelete: "cascade" }),
    messageId: text()
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isUpvoted: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] }), index("votes_chat_user_idx").on(t.chatId, t.userId)],
);

/** Versioned: every save is a new row with the same id and a later created_at. */
export const documents = pgTable(
  "documents",
  {
    id: uuid().notNull().defaultRandom(),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The chat that created it: a public chat's documents are readable through it; deleting the chat
    // deletes them.
    chatId: uuid().references(() => chats.id, { onDelete: "cascade" }),
    title: text().notNull(),
    kind: text().$type<"text" | "code" | "sheet">().notNull(),
    content: text().notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdAt] }),
    index("documents_user_idx").on(t.userId),
    index("documents_chat_idx").on(t.chatId),
    check("documents_kind_check", sql`${t.kind} in ('text', 'code', 'sheet')`),
  ],
);

export const suggestions = pgTable(
  "suggestions",
  {
    id: uuid().primaryKey().defaultRandom(),
    documentId: uuid().notNull(),
    documentCreatedAt: timestamp({ withTimezone: true, precision: 6 }).notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    originalText: text().notNull(),
    suggestedText: text().notNull(),
    description: text(),
    status: text().$type<"open" | "applied" | "dismissed">().notNull().default("open"),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.documentId, t.documentCreatedAt], foreignColumns: [documents.id, documents.createdAt] }).onDelete(
      "cascade",
    ),
    index("suggestions_document_idx").on(t.documentId),
    check("suggestions_status_check", sql`${t.status} in ('open', 'applied', 'dismissed')`),
  ],
);

/**
 * One row per answered turn (new message, edit or regeneration), for the daily limit. Kept apart
 * from messages so deleting chats or regenerating does not give the quota back.
 */
export const chatTurns = pgTable(
  "chat_turns",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    chatId: uuid().notNull(), // no FK: the turn still counts after its chat is deleted
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("chat_turns_user_created_idx").on(t.userId, t.createdAt)],
);

export type Chat = typeof chats.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type Suggestion = typeof suggestions.$inferSelect;
