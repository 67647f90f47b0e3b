/**
 * The chats, votes, documents and suggestions routers through createCaller against a real
 * database, with a second user trying every procedure on the first user's rows.
 */
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat } from "@/server/chat/chats";
import { listVersions, saveVersion } from "@/server/chat/documents";
import { insertMessage } from "@/server/chat/messages";
import { saveSuggestions } from "@/server/chat/suggestions";
import { chats, documents, messages, suggestions, votes } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { anonymousCaller } from "../helpers/trpc";
import { newUser, type TestUser } from "./helpers";

async function code(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(err)}`);
  return err.code;
}

describe.each(testBackends())("chat routers on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  let clock = Date.parse("2026-01-01T00:00:00Z");
  const tick = () => new Date((clock += 1000));

  /** A chat with a user question and an assistant answer. */
  async function chatOf(user: TestUser, opts: { title?: string; visibility?: "private" | "public" } = {}) {
    const now = tick();
    const { chat } = await createChat(tdb.db, { id: crypto.randomUUID(), userId: user.id, model: OFFLINE_MODEL_ID, title: opts.title, visibility: opts.visibility, now });
    const userMsg = crypto.randomUUID();
    const answer = crypto.randomUUID();
    await insertMessage(tdb.db, { id: userMsg, chatId: chat.id, role: "user", parts: [{ type: "text", text: "Hi" }], createdAt: tick() });
    await insertMessage(tdb.db, { id: answer, chatId: chat.id, role: "assistant", parts: [{ type: "text", text: "Hello" }], metadata: { model: OFFLINE_MODEL_ID, offline: true }, createdAt: tick() });
    return { chat, userMsg, answer };
  }

  async function docOf(user: TestUser, chatId: string | null, content = "It is very good. The end.") {
    return saveVersion(tdb.db, { id: crypto.randomUUID(), userId: user.id, chatId, title: "Essay", kind: "text", content });
  }

  describe("chats", () => {
    it("history lists only the caller's chats, newest first, page by page", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await chatOf(alice, { title: `Chat ${i}` })).chat.id);
      await chatOf(bob);

      const first = await alice.caller.chats.history({ limit: 2 });
      expect(first.items.map((c) => c.title)).toEqual(["Chat 4", "Chat 3"]);
      expect(first.nextCursor).not.toBeNull();
      const second = await alice.caller.chats.history({ limit: 2, cursor: first.nextCursor });
      expect(second.items.map((c) => c.title)).toEqual(["Chat 2", "Chat 1"]);
      const third = await alice.caller.chats.history({ limit: 2, cursor: second.nextCursor });
      expect(third.items.map((c) => c.title)).toEqual(["Chat 0"]);
      expect(third.nextCursor).toBeNull();
      expect(third.items[0]).toMatchObject({ id: ids[0], visibility: "private", model: OFFLINE_MODEL_ID });
      expect(third.items[0]?.updatedAt).toBeInstanceOf(Date);

      expect((await bob.caller.chats.history()).items).toHaveLength(1);
      expect(await code(alice.caller.chats.history({ cursor: "garbage" }))).toBe("BAD_REQUEST");
      expect(await code(anonymousCaller(tdb.db).chats.history())).toBe("UNAUTHORIZED");
    });

    it("byId: the owner reads it; others get NOT_FOUND for a private chat and a read-only view of a public one", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const mine = await alice.caller.chats.byId({ id: chat.id });
      expect(mine.isOwner).toBe(true);
      expect(mine.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
      expect(mine.messages[1]?.metadata).toMatchObject({ offline: true });

      expect(await code(bob.caller.chats.byId({ id: chat.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.byId({ id: crypto.randomUUID() }))).toBe("NOT_FOUND");

      await alice.caller.chats.setVisibility({ id: chat.id, visibility: "public" });
      const shared = await bob.caller.chats.byId({ id: chat.id });
      expect(shared.isOwner).toBe(false);
      expect(shared.messages).toHaveLength(2);
    });

    it("head: the owner's or a public chat's title and ownership, without messages; NOT_FOUND otherwise", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const mine = await alice.caller.chats.head({ id: chat.id });
      expect(mine).toMatchObject({ chat: { id: chat.id, title: chat.title, visibility: "private" }, isOwner: true });
      expect(mine).not.toHaveProperty("messages");

      expect(await code(bob.caller.chats.head({ id: chat.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.head({ id: crypto.randomUUID() }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.head({ id: "not-a-uuid" }))).toBe("BAD_REQUEST");
      expect(await code(anonymousCaller(tdb.db).chats.head({ id: chat.id }))).toBe("UNAUTHORIZED");

      await alice.caller.chats.setVisibility({ id: chat.id, visibility: "public" });
      expect(await bob.caller.chats.head({ id: chat.id })).toMatchObject({ chat: { id: chat.id, visibility: "public" }, isOwner: false });
    });

    it("rename, setVisibility, setModel, delete: owner only", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat } = await chatOf(alice, { visibility: "public" });

      expect(await code(bob.caller.chats.rename({ id: chat.id, title: "Hacked" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.setVisibility({ id: chat.id, visibility: "private" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.setModel({ id: chat.id, model: OFFLINE_MODEL_ID }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.chats.delete({ id: chat.id }))).toBe("NOT_FOUND");
      const [row] = await tdb.db.select().from(chats).where(eq(chats.id, chat.id));
      expect(row).toMatchObject({ title: "New chat", visibility: "public" });

      expect(await alice.caller.chats.rename({ id: chat.id, title: "  Renamed  " })).toMatchObject({ title: "Renamed" });
      expect(await code(alice.caller.chats.rename({ id: chat.id, title: "" }))).toBe("BAD_REQUEST");
      expect(await code(alice.caller.chats.rename({ id: chat.id, title: "x".repeat(121) }))).toBe("BAD_REQUEST");
      expect(await alice.caller.chats.setVisibility({ id: chat.id, visibility: "private" })).toMatchObject({ visibility: "private" });
      expect(await code(alice.caller.chats.setModel({ id: chat.id, model: "gpt-unknown" }))).toBe("BAD_REQUEST");
      expect(await alice.caller.chats.setModel({ id: chat.id, model: OFFLINE_MODEL_ID })).toMatchObject({ model: OFFLINE_MODEL_ID });
    });

    it("delete removes the chat, its messages, votes and documents; deleteAll only the caller's", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const a1 = await chatOf(alice);
      const a2 = await chatOf(alice);
      const b1 = await chatOf(bob);
      const doc = await docOf(alice, a1.chat.id);
      await alice.caller.votes.vote({ chatId: a1.chat.id, messageId: a1.answer, type: "up" });

      expect(await alice.caller.chats.delete({ id: a1.chat.id })).toEqual({ id: a1.chat.id });
      expect(await tdb.db.select().from(messages).where(eq(messages.chatId, a1.chat.id))).toHaveLength(0);
      expect(await tdb.db.select().from(votes).where(eq(votes.chatId, a1.chat.id))).toHaveLength(0);
      expect(await tdb.db.select().from(documents).where(eq(documents.id, doc.id))).toHaveLength(0);
      expect(await code(alice.caller.chats.byId({ id: a1.chat.id }))).toBe("NOT_FOUND");

      expect(await alice.caller.chats.deleteAll()).toEqual({ deleted: 1 });
      expect(await code(alice.caller.chats.byId({ id: a2.chat.id }))).toBe("NOT_FOUND");
      expect((await bob.caller.chats.byId({ id: b1.chat.id })).isOwner).toBe(true);
    });

    it("models: only the offline model without OPENAI_API_KEY", async () => {
      const alice = await newUser(tdb.db);
      const saved = process.env.OPENAI_API_KEY;
      delete process.env.OPENAI_API_KEY;
      try {
        const { models, defaultModel } = await alice.caller.chats.models();
        expect(models).toEqual([expect.objectContaining({ id: OFFLINE_MODEL_ID, offline: true })]);
        expect(defaultModel).toBe(OFFLINE_MODEL_ID);
        process.env.OPENAI_API_KEY = "sk-test";
        process.env.OPENAI_MODELS = "gpt-4o-mini, my-local-model";
        const online = await alice.caller.chats.models();
        expect(online.models.map((m) => [m.id, m.offline])).toEqual([
          ["gpt-4o-mini", false],
          ["my-local-model", false],
        ]);
        expect(online.defaultModel).toBe("gpt-4o-mini");
      } finally {
        if (saved === undefined) delete process.env.OPENAI_API_KEY;
        else process.env.OPENAI_API_KEY = saved;
        delete process.env.OPENAI_MODELS;
      }
    });
  });

  describe("votes", () => {
    it("the owner votes up/down on assistant messages; changing a vote replaces it", async () => {
      const alice = await newUser(tdb.db);
      const { chat, answer, userMsg } = await chatOf(alice);
      await alice.caller.votes.vote({ chatId: chat.id, messageId: answer, type: "up" });
      expect(await alice.caller.votes.byChat({ chatId: chat.id })).toEqual([{ messageId: answer, isUpvoted: true }]);
      await alice.caller.votes.vote({ chatId: chat.id, messageId: answer, type: "down" });
      expect(await alice.caller.votes.byChat({ chatId: chat.id })).toEqual([{ messageId: answer, isUpvoted: false }]);
      expect(await code(alice.caller.votes.vote({ chatId: chat.id, messageId: userMsg, type: "up" }))).toBe("BAD_REQUEST");
      expect(await code(alice.caller.votes.vote({ chatId: chat.id, messageId: "nope", type: "up" }))).toBe("NOT_FOUND");
    });

    it("others cannot vote or read votes on a private chat, nor vote on a public one", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat, answer } = await chatOf(alice);
      const bobs = await chatOf(bob);
      expect(await code(bob.caller.votes.vote({ chatId: chat.id, messageId: answer, type: "down" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.votes.byChat({ chatId: chat.id }))).toBe("NOT_FOUND");
      // A message of another chat cannot be voted on through one's own chat.
      expect(await code(bob.caller.votes.vote({ chatId: bobs.chat.id, messageId: answer, type: "down" }))).toBe("NOT_FOUND");

      await alice.caller.chats.setVisibility({ id: chat.id, visibility: "public" });
      expect(await code(bob.caller.votes.vote({ chatId: chat.id, messageId: answer, type: "down" }))).toBe("FORBIDDEN");
      expect(await bob.caller.votes.byChat({ chatId: chat.id })).toEqual([]);
      expect(await tdb.db.select().from(votes).where(eq(votes.messageId, answer))).toHaveLength(0);
    });
  });

  describe("documents", () => {
    it("versions, save (a new version) and restore (a new version copying an old one)", async () => {
      const alice = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const doc = await docOf(alice, chat.id, "First.");
      const saved = await alice.caller.documents.save({ id: doc.id, content: "Second." });
      expect(saved.createdAt.getTime()).toBeGreaterThan(doc.createdAt.getTime());
      // Saving identical content makes no new version.
      expect((await alice.caller.documents.save({ id: doc.id, content: "Second." })).createdAt.getTime()).toBe(saved.createdAt.getTime());

      const restored = await alice.caller.documents.restore({ id: doc.id, createdAt: doc.createdAt });
      const { versions, isOwner } = await alice.caller.documents.versions({ id: doc.id });
      expect(isOwner).toBe(true);
      expect(versions.map((v) => v.content)).toEqual(["First.", "Second.", "First."]);
      expect(versions.at(-1)?.createdAt.getTime()).toBe(restored.createdAt.getTime());
      expect(await code(alice.caller.documents.restore({ id: doc.id, createdAt: new Date("2001-01-01T00:00:00Z") }))).toBe("NOT_FOUND");
      // Outside the dates the app stores: refused before the database is asked.
      expect(await code(alice.caller.documents.restore({ id: doc.id, createdAt: new Date(0) }))).toBe("BAD_REQUEST");

      expect(await alice.caller.documents.byChat({ chatId: chat.id })).toEqual([
        { id: doc.id, createdAt: restored.createdAt, title: "Essay", kind: "text" },
      ]);
    });

    it("save with `replace`: the session's own version takes the new text while it is the newest, else a new version", async () => {
      const alice = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const doc = await docOf(alice, chat.id, "First.");
      const session = await alice.caller.documents.save({ id: doc.id, content: "Typing" });
      const again = await alice.caller.documents.save({ id: doc.id, content: "Typing on", replace: session.createdAt });
      expect(again.createdAt.getTime()).toBe(session.createdAt.getTime());
      expect((await listVersions(tdb.db, doc.id)).map((v) => v.content)).toEqual(["First.", "Typing on"]);

      // An older version is never overwritten: naming it makes a new version instead.
      const fresh = await alice.caller.documents.save({ id: doc.id, content: "Later", replace: doc.createdAt });
      expect(fresh.createdAt.getTime()).toBeGreaterThan(session.createdAt.getTime());
      expect((await listVersions(tdb.db, doc.id)).map((v) => v.content)).toEqual(["First.", "Typing on", "Later"]);
    });

    it("another user cannot read a private chat's documents nor change any document", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const doc = await docOf(alice, chat.id, "Alice's words.");
      const loose = await docOf(alice, null, "Not in any chat.");

      expect(await code(bob.caller.documents.versions({ id: doc.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.versions({ id: loose.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.byChat({ chatId: chat.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.save({ id: doc.id, content: "Bob was here" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.save({ id: doc.id, content: "Bob was here", replace: doc.createdAt }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.restore({ id: doc.id, createdAt: doc.createdAt }))).toBe("NOT_FOUND");

      // Public chat: its documents are readable (read-only), still not writable.
      await alice.caller.chats.setVisibility({ id: chat.id, visibility: "public" });
      const shared = await bob.caller.documents.versions({ id: doc.id });
      expect(shared).toMatchObject({ isOwner: false, versions: [{ content: "Alice's words." }] });
      expect(await bob.caller.documents.byChat({ chatId: chat.id })).toHaveLength(1);
      expect(await code(bob.caller.documents.save({ id: doc.id, content: "Bob was here" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.save({ id: doc.id, content: "Bob was here", replace: doc.createdAt }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.restore({ id: doc.id, createdAt: doc.createdAt }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.documents.versions({ id: loose.id }))).toBe("NOT_FOUND");
      expect((await listVersions(tdb.db, doc.id)).map((v) => v.content)).toEqual(["Alice's words."]);
    });
  });

  describe("suggestions", () => {
    async function withSuggestions(user: TestUser, chatId: string | null) {
      const doc = await docOf(user, chatId, "It is very good. It is very long. The end.");
      const rows = await saveSuggestions(tdb.db, doc, [
        { originalText: "It is very good.", suggestedText: "It is excellent.", description: "Stronger." },
        { originalText: "It is very long.", suggestedText: "It is long.", description: "Shorter." },
      ]);
      return { doc, rows };
    }

    it("apply writes a new version and resolves; dismiss resolves; both stay resolved", async () => {
      const alice = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const { doc, rows } = await withSuggestions(alice, chat.id);
      const [good, long] = rows;
      const open = await alice.caller.suggestions.byDocument({ documentId: doc.id });
      expect(open.map((s) => s.originalText)).toEqual(["It is very good.", "It is very long."]);
      expect(open[0]).toMatchObject({ status: "open", description: "Stronger." });

      const applied = await alice.caller.suggestions.resolve({ id: good!.id, action: "apply" });
      expect(applied.status).toBe("applied");
      const { versions } = await alice.caller.documents.versions({ id: doc.id });
      expect(versions.at(-1)?.content).toBe("It is excellent. It is very long. The end.");
      expect(versions.at(-1)?.createdAt.getTime()).toBe(applied.documentCreatedAt?.getTime());

      expect(await alice.caller.suggestions.resolve({ id: long!.id, action: "dismiss" })).toEqual({ status: "dismissed", documentCreatedAt: null });
      expect(await alice.caller.suggestions.byDocument({ documentId: doc.id })).toEqual([]);

      // Resolving again changes nothing: still applied, no extra version.
      expect(await alice.caller.suggestions.resolve({ id: good!.id, action: "apply" })).toEqual({ status: "applied", documentCreatedAt: null });
      expect(await alice.caller.suggestions.resolve({ id: long!.id, action: "apply" })).toEqual({ status: "dismissed", documentCreatedAt: null });
      expect((await listVersions(tdb.db, doc.id)).length).toBe(2);
      const stored = await tdb.db.select().from(suggestions).where(eq(suggestions.documentId, doc.id));
      expect(stored.every((s) => s.resolvedAt instanceof Date)).toBe(true);
    });

    it("a suggestion whose text was edited away is hidden and cannot be applied", async () => {
      const alice = await newUser(tdb.db);
      const { doc, rows } = await withSuggestions(alice, null);
      await alice.caller.documents.save({ id: doc.id, content: "Rewritten by hand. It is very long." });
      const open = await alice.caller.suggestions.byDocument({ documentId: doc.id });
      expect(open.map((s) => s.originalText)).toEqual(["It is very long."]);
      expect(await code(alice.caller.suggestions.resolve({ id: rows[0]!.id, action: "apply" }))).toBe("CONFLICT");
    });

    it("others cannot see a private document's suggestions nor resolve any", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const { chat } = await chatOf(alice);
      const { doc, rows } = await withSuggestions(alice, chat.id);
      expect(await code(bob.caller.suggestions.byDocument({ documentId: doc.id }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.suggestions.resolve({ id: rows[0]!.id, action: "apply" }))).toBe("NOT_FOUND");
      expect(await code(bob.caller.suggestions.resolve({ id: rows[0]!.id, action: "dismiss" }))).toBe("NOT_FOUND");

      await alice.caller.chats.setVisibility({ id: chat.id, visibility: "public" });
      expect(await bob.caller.suggestions.byDocument({ documentId: doc.id })).toHaveLength(2);
      expect(await code(bob.caller.suggestions.resolve({ id: rows[0]!.id, action: "apply" }))).toBe("NOT_FOUND");
      const stored = await tdb.db.select().from(suggestions).where(eq(suggestions.documentId, doc.id));
      expect(stored.every((s) => s.status === "open")).toBe(true);
      expect((await listVersions(tdb.db, doc.id)).length).toBe(1);
    });
  });
});
