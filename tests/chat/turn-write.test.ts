/**
 * The turn write (commitTurn) on every backend, both ways it runs: inside a transaction behind the
 * per-user lock (a database server's many sessions), and as its one statement alone (`oneSession`,
 * the embedded database, where the route uses it). Each must record, refuse at the limit, and
 * give the claim back when the chat turned out to be someone else's.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChat } from "@/server/chat/chats";
import { ChatError } from "@/server/chat/errors";
import { commitTurn, type TurnWrite } from "@/server/chat/turn-write";
import { chats, chatTurns, messages } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { newUser } from "./helpers";

const cases = testBackends().flatMap((backend) => [
  [backend, "in a transaction behind the per-user lock", false] as const,
  [backend, "as one statement (oneSession)", true] as const,
]);

describe.each(cases)("commitTurn on %s, %s", (backend, _how, oneSession) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  const firstMessage = (userId: string, chatId: string): TurnWrite => {
    const id = crypto.randomUUID();
    return {
      userId,
      chatId,
      model: "offline",
      create: { visibility: "private" },
      insert: { id, parts: [{ type: "text", text: "hello" }], createdAt: new Date(), parentId: null },
      leaf: id,
    };
  };

  it("creates the chat with its first message and records the turn", async () => {
    const u = await newUser(tdb.db);
    const chatId = crypto.randomUUID();
    const w = firstMessage(u.id, chatId);
    await expect(commitTurn({ ...tdb, oneSession }, w, { limit: 10 })).resolves.toEqual({ allowed: true, createdChat: true });
    const [chat] = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    expect(chat).toMatchObject({ userId: u.id, leafId: w.leaf });
    expect(await tdb.db.select({ id: messages.id }).from(messages).where(eq(messages.chatId, chatId))).toEqual([{ id: w.insert!.id }]);
    expect(await tdb.db.select().from(chatTurns).where(eq(chatTurns.userId, u.id))).toHaveLength(1);
  });

  it("at the limit writes nothing and says when a turn frees up", async () => {
    const u = await newUser(tdb.db);
    await commitTurn({ ...tdb, oneSession }, firstMessage(u.id, crypto.randomUUID()), { limit: 1 });
    const refusedChat = crypto.randomUUID();
    const refused = await commitTurn({ ...tdb, oneSession }, firstMessage(u.id, refusedChat), { limit: 1 });
    expect(refused).toMatchObject({ allowed: false });
    expect(await tdb.db.select().from(chats).where(eq(chats.id, refusedChat))).toEqual([]);
    expect(await tdb.db.select().from(chatTurns).where(eq(chatTurns.userId, u.id))).toHaveLength(1);
  });

  it("refuses a chat id another user took after the turn was read, and gives the claimed turn back", async () => {
    const owner = await newUser(tdb.db);
    const caller = await newUser(tdb.db, "Second User");
    const chatId = crypto.randomUUID();
    await createChat(tdb.db, { id: chatId, userId: owner.id, model: "offline" });
    const w = firstMessage(caller.id, chatId);
    const err = await commitTurn({ ...tdb, oneSession }, w, { limit: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatError);
    expect(err).toMatchObject({ type: "not_found" });
    expect(await tdb.db.select().from(chatTurns).where(eq(chatTurns.userId, caller.id))).toEqual([]);
    expect(await tdb.db.select().from(messages).where(eq(messages.id, w.insert!.id))).toEqual([]);
    const [chat] = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    expect(chat?.userId).toBe(owner.id);
  });
});
