/**
 * History search: the user's chats whose title, or one of whose messages, holds every searched word
 * (as a prefix), newest first, each with the best matching passage of its newest matching message.
 * Both sides are served by GIN indexes (chats_title_search_idx, messages_search_idx).
 */
import "server-only";
import { and, desc, eq, exists, or, sql } from "drizzle-orm";
import { toPrefixTsquery } from "@/lib/chat/search-query";
import { chats, messages } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

export interface ChatSearchHit {
  id: string;
  title: string;
  updatedAt: Date;
  /** A passage of the newest matching message, or null when only the title matched. */
  snippet: string | null;
}

const TEXT_OF_PARTS = sql`jsonb_path_query_array(${messages.parts}, '$[*] ? (@.type == "text").text')`;

export async function searchChats(db: DbOrTx, userId: string, input: string, limit: number): Promise<ChatSearchHit[]> {
  const tsquery = toPrefixTsquery(input);
  if (!tsquery) return [];
  const query = sql`to_tsquery('simple'::regconfig, ${tsquery})`;
  const titleMatches = sql<boolean>`to_tsvector('simple'::regconfig, ${chats.title}) @@ ${query}`;
  const messageMatches = db
    .select({ one: sql`1` })
    .from(messages)
    .where(and(eq(messages.chatId, chats.id), sql`${messages.search} @@ ${query}`));
  // The passage: ts_headline over the newest matching message's text, without markup (the client highlights).
  const passage = db
    .select({
      text: sql`ts_headline('simple'::regconfig, (select string_agg(t #>> '{}', ' ') from jsonb_array_elements(${TEXT_OF_PARTS}) t), ${query},
                            'MaxFragments=1, MaxWords=24, MinWords=10, StartSel="", StopSel=""')`,
    })
    .from(messages)
    .where(and(eq(messages.chatId, chats.id), sql`${messages.search} @@ ${query}`))
    .orderBy(desc(messages.createdAt))
    .limit(1);
  const snippet = sql<string | null>`(${passage})`;
  return db
    .select({ id: chats.id, title: chats.title, updatedAt: chats.updatedAt, snippet })
    .from(chats)
    .where(and(eq(chats.userId, userId), or(titleMatches, exists(messageMatches))))
    .orderBy(desc(chats.updatedAt), desc(chats.id))
    .limit(limit);
}
