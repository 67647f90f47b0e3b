/**
 * History search (chats.search): title and message text, every word as a prefix, only the
 * caller's chats, typed input that could be tsquery syntax treated as words, a passage of the
 * matching message, and the message side served by its GIN index.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat, updateChat } from "@/server/chat/chats";
import { insertMessage } from "@/server/chat/messages";
import { newUser, type TestUser } from "../chat/helpers";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";

describe.each(testBackends())("history search on %s", (backend) => {
  let tdb: TestDatabase;
  let alice: TestUser;
  let bob: TestUser;
  const ids: Record<string, string> = {};

  async function chat(user: TestUser, key: string, title: string, texts: Array<{ role: "user" | "assistant"; text: string; tool?: boolean }>, at: number) {
    const id = crypto.randomUUID();
    ids[key] = id;
    await createChat(tdb.db, { id, userId: user.id, model: OFFLINE_MODEL_ID, title, now: new Date(at) });
    let t = at;
    for (const m of texts) {
      const parts = m.tool
        ? [{ type: "tool-createDocument", toolCallId: "c1", state: "output-available", input: { title: m.text }, output: {} }]
        : [{ type: "step-start" }, { type: "text", text: m.text }];
      await insertMessage(tdb.db, { id: `m-${crypto.randomUUID()}`, chatId: id, role: m.role, parts, createdAt: new Date(++t) });
    }
  }

  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    alice = await newUser(tdb.db, "Alice");
    bob = await newUser(tdb.db, "Bob");
    const base = Date.UTC(2026, 0, 1);
    await chat(alice, "press", "History of printing", [
      { role: "user", text: "Tell me about Gutenberg." },
      { role: "assistant", text: "Johannes Gutenberg built a movable-type printing press around 1440 in Mainz." },
    ], base);
    await chat(alice, "tea", "Tea notes", [{ role: "user", text: "Write an essay about the history of tea in China." }], base + 1000);
    await chat(alice, "tool", "Tool only", [{ role: "assistant", text: "Zanzibar", tool: true }], base + 2000);
    await chat(bob, "bobPress", "Bob's printing press", [{ role: "user", text: "Gutenberg and the press" }], base + 3000);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  const search = (user: TestUser, query: string) => user.caller.chats.search({ query });

  it("finds a chat by a word of its title or of any message's text, as a prefix", async () => {
    expect((await search(alice, "printing")).map((h) => h.id)).toEqual([ids.press]);
    expect((await search(alice, "gutenb")).map((h) => h.id)).toEqual([ids.press]);
    expect((await search(alice, "HISTORY")).map((h) => h.id)).toEqual([ids.tea, ids.press]);
  });

  it("needs every word, all in the title or all in one message", async () => {
    expect((await search(alice, "gutenberg mainz")).map((h) => h.id)).toEqual([ids.press]);
    expect((await search(alice, "tea china")).map((h) => h.id)).toEqual([ids.tea]);
    expect(await search(alice, "history zzz")).toEqual([]);
  });

  it("gives a passage of the matching message, or none when only the title matched", async () => {
    const [hit] = await search(alice, "mainz");
    expect(hit?.snippet).toContain("Mainz");
    expect(hit?.title).toBe("History of printing");
    const [titleOnly] = await search(alice, "notes");
    expect(titleOnly?.id).toBe(ids.tea);
    expect(titleOnly?.snippet).toBeNull();
  });

  it("reads only text parts (not tool inputs) and follows renames", async () => {
    expect(await search(alice, "zanzibar")).toEqual([]);
    await updateChat(tdb.db, alice.id, ids.tool!, { title: "Zanzibar trip" });
    expect((await search(alice, "zanzibar")).map((h) => h.id)).toEqual([ids.tool]);
  });

  it("never returns another user's chats", async () => {
    expect((await search(bob, "gutenberg")).map((h) => h.id)).toEqual([ids.bobPress]);
    expect((await search(alice, "bob")).map((h) => h.id)).toEqual([]);
  });

  it("treats tsquery syntax as plain words, and an input with no word as no match", async () => {
    expect((await search(alice, "gutenberg & !(mainz:*) | 'x'")).map((h) => h.id)).toEqual([]);
    expect((await search(alice, "printing:*")).map((h) => h.id)).toEqual([ids.press]);
    expect(await search(alice, " &|!() ")).toEqual([]);
    await expect(search(alice, "x".repeat(201))).rejects.toThrow(/200/);
  });

  it("matches messages through their GIN index", async () => {
    await tdb.db.execute(sql`set enable_seqscan = off`);
    const plan = await tdb.db.execute(sql`explain select id from messages where search @@ to_tsquery('simple', 'gutenberg:*')`);
    await tdb.db.execute(sql`set enable_seqscan = on`);
    const text = JSON.stringify((plan as unknown as { rows: unknown[] }).rows);
    expect(text).toContain("messages_search_idx");
  });
});
