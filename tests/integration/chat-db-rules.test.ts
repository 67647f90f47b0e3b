/**
 * The chat tables' rules live in the database: bad roles, kinds, visibilities and suggestion
 * statuses are refused by CHECK constraints; deleting a chat deletes its messages, votes and the
 * documents it created (ON DELETE CASCADE, no deletes by hand); and a history page is read from
 * an index in the query's exact order, with no sort.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat, deleteAllChats, deleteChat, historyQuery } from "@/server/chat/chats";
import { saveVersion } from "@/server/chat/documents";
import { insertMessage } from "@/server/chat/messages";
import { chats, documents, messages, suggestions, votes } from "@/server/db/schema";
import { newUser, type TestUser } from "../chat/helpers";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";

function planText(result: unknown): string {
  const rows = typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows) ? result.rows : [];
  return rows.map((r: Record<string, unknown>) => String(r["QUERY PLAN"] ?? "")).join("\n");
}

describe.each(testBackends())("chat tables' rules on %s", (backend) => {
  let tdb: TestDatabase;
  let alice: TestUser;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    alice = await newUser(tdb.db, "Alice");
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  async function chatWithEverything() {
    const chatId = crypto.randomUUID();
    await createChat(tdb.db, { id: chatId, userId: alice.id, model: OFFLINE_MODEL_ID });
    const messageId = `m-${crypto.randomUUID()}`;
    await insertMessage(tdb.db, { id: messageId, chatId, role: "assistant", parts: [{ type: "text", text: "hi" }], createdAt: new Date() });
    await tdb.db.insert(votes).values({ chatId, messageId, userId: alice.id, isUpvoted: true });
    const doc = await saveVersion(tdb.db, { id: crypto.randomUUID(), userId: alice.id, chatId, title: "Doc", kind: "text", content: "text" });
    return { chatId, messageId, docId: doc.id, doc };
  }

  it("refuses values outside each column's set", async () => {
    const { chatId, doc } = await chatWithEverything();
    const refused = async (write: () => Promise<unknown>) => {
      const err = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(String((err as { cause?: unknown })?.cause ?? err)).toMatch(/check constraint/i);
    };
    await refused(() => tdb.db.execute(sql`update ${chats} set visibility = 'secret' where id = ${chatId}`));
    await refused(() => tdb.db.execute(sql`update ${messages} set role = 'robot' where chat_id = ${chatId}`));
    await refused(() => tdb.db.execute(sql`update ${documents} set kind = 'video' where id = ${doc.id}`));
    await refused(() =>
      tdb.db.execute(
        sql`insert into ${suggestions} (document_id, document_created_at, user_id, original_text, suggested_text, status) values (${doc.id}, ${doc.createdAt}, ${alice.id}, 'a', 'b', 'maybe')`,
      ),
    );
  });

  it("deletes a chat's messages, votes and documents with the chat", async () => {
    const one = await chatWithEverything();
    const other = await chatWithEverything();
    expect(await deleteChat(tdb.db, alice.id, one.chatId)).toBe(true);
    expect(await tdb.db.select().from(messages).where(eq(messages.chatId, one.chatId))).toEqual([]);
    expect(await tdb.db.select().from(votes).where(eq(votes.chatId, one.chatId))).toEqual([]);
    expect(await tdb.db.select().from(documents).where(eq(documents.id, one.docId))).toEqual([]);
    // The other chat keeps everything.
    expect(await tdb.db.select().from(documents).where(eq(documents.id, other.docId))).toHaveLength(1);
    expect(await deleteAllChats(tdb.db, alice.id)).toBeGreaterThan(0);
    expect(await tdb.db.select().from(documents).where(eq(documents.id, other.docId))).toEqual([]);
  });

  it("a second user cannot delete the first user's chat", async () => {
    const bob = await newUser(tdb.db, "Bob");
    const { chatId } = await chatWithEverything();
    expect(await deleteChat(tdb.db, bob.id, chatId)).toBe(false);
    expect(await tdb.db.select().from(chats).where(eq(chats.id, chatId))).toHaveLength(1);
  });

  it("reads a history page from chats_user_updated_id_idx in order, with no sort", async () => {
    const plans = await tdb.db.transaction(async (tx) => {
      // Few rows make a bitmap scan and a sort look cheapest; with both off, only an index in the
      // query's order avoids the Sort node.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const first = planText(await tx.execute(sql`explain ${historyQuery(tx, alice.id, null, 21)}`));
      const later = planText(await tx.execute(sql`explain ${historyQuery(tx, alice.id, { updatedAt: new Date(), id: crypto.randomUUID() }, 21)}`));
      return [first, later];
    });
    for (const p of plans) {
      expect(p).toContain("chats_user_updated_id_idx");
      expect(p).not.toMatch(/\bSort\b/);
    }
  });
});
