/**
 * chats.fork ("Continue in a new chat"): a reader of a public chat gets a private copy of its
 * messages and of its documents (every version) under new ids, with tool parts naming the copies;
 * the original is untouched; a private chat of someone else, or none, is "not found".
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat } from "@/server/chat/chats";
import { saveVersion } from "@/server/chat/documents";
import { insertMessage } from "@/server/chat/messages";
import { chats, documents, messages } from "@/server/db/schema";
import { newUser, type TestUser } from "../chat/helpers";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";

describe.each(testBackends())("chats.fork on %s", (backend) => {
  let tdb: TestDatabase;
  let alice: TestUser;
  let bob: TestUser;
  let publicId: string;
  let privateId: string;
  let docId: string;

  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    alice = await newUser(tdb.db, "Alice");
    bob = await newUser(tdb.db, "Bob");
    publicId = crypto.randomUUID();
    privateId = crypto.randomUUID();
    await createChat(tdb.db, { id: publicId, userId: alice.id, model: OFFLINE_MODEL_ID, title: "Tea essay", visibility: "public" });
    await createChat(tdb.db, { id: privateId, userId: alice.id, model: OFFLINE_MODEL_ID, title: "Secret" });
    docId = crypto.randomUUID();
    await saveVersion(tdb.db, { id: docId, userId: alice.id, chatId: publicId, title: "Tea", kind: "text", content: "Draft one" });
    await saveVersion(tdb.db, { id: docId, userId: alice.id, chatId: publicId, title: "Tea", kind: "text", content: "Draft two" });
    const t = Date.now();
    await insertMessage(tdb.db, { id: `u-${crypto.randomUUID()}`, chatId: publicId, role: "user", parts: [{ type: "text", text: "Write about tea" }], createdAt: new Date(t) });
    await insertMessage(tdb.db, {
      id: `a-${crypto.randomUUID()}`,
      chatId: publicId,
      role: "assistant",
      parts: [
        { type: "tool-createDocument", toolCallId: "c1", state: "output-available", input: { title: "Tea", kind: "text" }, output: { id: docId, title: "Tea", kind: "text" } },
        { type: "text", text: "I wrote it." },
      ],
      metadata: { model: OFFLINE_MODEL_ID },
      createdAt: new Date(t + 1),
    });
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  it("copies a public chat, its messages and every document version into a private chat of the reader", async () => {
    const before = await tdb.db.select().from(messages).where(eq(messages.chatId, publicId));
    const { id } = await bob.caller.chats.fork({ id: publicId });
    expect(id).not.toBe(publicId);

    const copy = await bob.caller.chats.byId({ id });
    expect(copy.isOwner).toBe(true);
    expect(copy.chat).toMatchObject({ title: "Tea essay", visibility: "private" });
    expect(copy.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(copy.messages.map((m) => m.id)).not.toContain(before[0]?.id);

    const [copiedDoc] = await bob.caller.documents.byChat({ chatId: id });
    expect(copiedDoc?.id).toBeDefined();
    expect(copiedDoc?.id).not.toBe(docId);
    const tool = copy.messages[1]?.parts[0] as { output: { id: string } };
    expect(tool.output.id).toBe(copiedDoc?.id);
    const { versions } = await bob.caller.documents.versions({ id: copiedDoc!.id });
    expect(versions.map((v) => v.content)).toEqual(["Draft one", "Draft two"]);

    // Bob owns the copy: he can write to it; Alice's chat and document are as they were.
    await bob.caller.chats.rename({ id, title: "My tea" });
    expect(await tdb.db.select().from(messages).where(eq(messages.chatId, publicId))).toEqual(before);
    const originals = await tdb.db.select().from(documents).where(eq(documents.id, docId));
    expect(originals.map((d) => [d.userId, d.chatId])).toEqual([
      [alice.id, publicId],
      [alice.id, publicId],
    ]);
    const [original] = await tdb.db.select().from(chats).where(eq(chats.id, publicId));
    expect(original?.title).toBe("Tea essay");
  });

  it("refuses another user's private chat and a chat that does not exist, writing nothing", async () => {
    const count = async () => (await tdb.db.select({ id: chats.id }).from(chats).where(eq(chats.userId, bob.id))).length;
    const n = await count();
    await expect(bob.caller.chats.fork({ id: privateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bob.caller.chats.fork({ id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(bob.caller.chats.fork({ id: "not-a-uuid" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await count()).toBe(n);
  });

  it("lets the owner copy their own private chat", async () => {
    const { id } = await alice.caller.chats.fork({ id: privateId });
    expect((await alice.caller.chats.byId({ id })).chat.title).toBe("Secret");
  });
});
