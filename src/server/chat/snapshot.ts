/**
 * Everything a chat turn needs to decide, read in ONE round trip: the chat, the caller's message
 * count for the daily limit, the chat's messages (only when the caller owns it), the message the
 * request names (new, edited or regenerated), and the chat's documents. Each query here is the
 * same as its counterpart in chats/messages/documents/limits, combined into one statement
 * because every round trip sits between the user pressing Send and the first token.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { ArtifactKind, ChatVisibility, RadiumUIMessage } from "@/lib/chat/contract";
import { rowsOf } from "@/server/db/rows";
import type { DbOrTx } from "@/server/db/types";
import { chats, chatTurns, documents, messages, type Message } from "@/server/db/schema";
import { branchPath } from "./branch-path";

export interface SnapshotChat {
  id: string;
  userId: string;
  title: string;
  visibility: ChatVisibility;
  model: string;
}

export interface SnapshotMessage {
  message: RadiumUIMessage;
  createdAt: Date;
}

export interface TurnSnapshot {
  chat: SnapshotChat | null;
  /** Turns the caller had answered in the last 24 hours (all chats, deleted ones too). */
  usedToday: number;
  /** The chat's current branch (branches.ts), oldest first; empty unless the caller owns the chat. */
  history: SnapshotMessage[];
  /** The message with the requested id, wherever it is (only its chat, role and time). */
  named: { chatId: string; role: Message["role"]; createdAt: Date } | null;
  /** Latest version of each document of the chat, newest first (owner only). */
  documents: Array<{ id: string; title: string; kind: ArtifactKind }>;
}

interface Row {
  chat: { id: string; user_id: string; title: string; visibility: ChatVisibility; model: string; leaf_id: string | null } | null;
  used: number | string | null;
  /** Every message of the chat, all branches (the shown one is picked in branchPath). */
  history: Array<Pick<Message, "id" | "role" | "parts" | "metadata"> & { parent_id: string | null; created_at: string }> | null;
  named: { chat_id: string; role: Message["role"]; created_at: string } | null;
  documents: Array<{ id: string; title: string; kind: ArtifactKind }> | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function loadTurnSnapshot(
  db: DbOrTx,
  opts: { chatId: string; userId: string; messageId: string | null; now?: Date },
): Promise<TurnSnapshot> {
  const since = new Date((opts.now ?? new Date()).getTime() - DAY_MS).toISOString();
  const { chatId, userId } = opts;
  const messageId = opts.messageId ?? "";
  // Columns are Drizzle's (a rename fails the type check); each subquery reads one table, so the
  // table-qualified names it renders are unambiguous.
  const result = await db.execute(sql`
    with owned as (select 1 from ${chats} where ${chats.id} = ${chatId} and ${chats.userId} = ${userId})
    select
      (select json_build_object('id', ${chats.id}, 'user_id', ${chats.userId}, 'title', ${chats.title}, 'visibility', ${chats.visibility}, 'model', ${chats.model}, 'leaf_id', ${chats.leafId})
         from ${chats} where ${chats.id} = ${chatId}) as chat,
      (select count(*) from ${chatTurns} where ${chatTurns.userId} = ${userId} and ${chatTurns.createdAt} > ${since}) as used,
      (select json_agg(json_build_object('id', ${messages.id}, 'parent_id', ${messages.parentId}, 'role', ${messages.role}, 'parts', ${messages.parts}, 'metadata', ${messages.metadata}, 'created_at', ${messages.createdAt}))
         from ${messages} where ${messages.chatId} = ${chatId} and exists (select 1 from owned)) as history,
      (select json_build_object('chat_id', ${messages.chatId}, 'role', ${messages.role}, 'created_at', ${messages.createdAt})
         from ${messages} where ${messages.id} = ${messageId}) as named,
      (select json_agg(json_build_object('id', d.id, 'title', d.title, 'kind', d.kind) order by d.created_at desc)
         from (select distinct on (${documents.id}) ${documents.id} as id, ${documents.title} as title, ${documents.kind} as kind, ${documents.createdAt} as created_at
                 from ${documents}
                where ${documents.chatId} = ${chatId} and exists (select 1 from owned)
                order by ${documents.id}, ${documents.createdAt} desc) d) as documents
  `);
  const row: Partial<Row> = rowsOf<Row>(result)[0] ?? {};
  const c = row.chat ?? null;
  return {
    chat: c ? { id: c.id, userId: c.user_id, title: c.title, visibility: c.visibility, model: c.model } : null,
    usedToday: Number(row.used ?? 0),
    history: branchPath(
      (row.history ?? []).map((m) => ({ ...m, parentId: m.parent_id })),
      c?.leaf_id ?? null,
    ).map((m) => ({
      message: { id: m.id, role: m.role, parts: m.parts, ...(m.metadata ? { metadata: m.metadata } : {}) },
      createdAt: new Date(m.created_at),
    })),
    named: row.named ? { chatId: row.named.chat_id, role: row.named.role, createdAt: new Date(row.named.created_at) } : null,
    documents: row.documents ?? [],
  };
}
