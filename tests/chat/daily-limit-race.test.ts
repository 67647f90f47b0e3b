/**
 * The daily limit under concurrency: 50 turns from one user sent at once must let exactly the
 * limit through. Counting and recording a turn is one atomic step per user (a transaction-level
 * advisory lock), so concurrent turns cannot all read the same count. Runs on every backend;
 * set TEST_DATABASE_URL to include PostgreSQL, where the race is real.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { OFFLINE_MODEL_ID } from "@/server/ai/models";
import { createChat } from "@/server/chat/chats";
import { claimDailyTurn } from "@/server/chat/limits";
import { settleChatWork } from "@/server/chat/respond";
import { chatTurns, messages } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { chatRequest, newUser, readChunks, useTestConnection, userMessage } from "./helpers";

process.env.OFFLINE_MODEL_DELAY_MS = "0";
const LIMIT = 5;
const CONCURRENT = 50;

describe.each(testBackends())("daily limit under concurrency on %s", (backend) => {
  let tdb: TestDatabase;
  let release: () => void;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    release = useTestConnection(tdb);
  });
  afterAll(async () => {
    release?.();
    await tdb?.dispose();
  });
  afterEach(() => {
    delete process.env.CHAT_DAILY_MESSAGE_LIMIT;
  });

  async function turnsOf(userId: string) {
    return tdb.db.select().from(chatTurns).where(eq(chatTurns.userId, userId));
  }

  it(`${CONCURRENT} concurrent turns from one user: exactly the limit succeed, the rest get 429 and write nothing`, async () => {
    process.env.CHAT_DAILY_MESSAGE_LIMIT = String(LIMIT);
    const u = await newUser(tdb.db);
    const sent = Array.from({ length: CONCURRENT }, () => ({ chatId: crypto.randomUUID(), message: userMessage("hello") }));
    const responses = await Promise.all(
      sent.map((s) => POST(chatRequest({ id: s.chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message: s.message }, { cookie: u.cookie }))),
    );
    const statuses = responses.map((r) => r.status);
    await Promise.all(responses.map((r) => (r.status === 200 ? readChunks(r) : r.text())));
    await settleChatWork();

    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(CONCURRENT - LIMIT);
    expect(await turnsOf(u.id)).toHaveLength(LIMIT);
    const stored = await tdb.db.select({ id: messages.id }).from(messages).where(eq(messages.role, "user"));
    const storedIds = new Set(stored.map((m) => m.id));
    expect(sent.filter((s) => storedIds.has(s.message.id))).toHaveLength(LIMIT);
  });

  it("claimDailyTurn: concurrent claims for one user never exceed the limit; other users are not held up", async () => {
    const a = await newUser(tdb.db);
    const b = await newUser(tdb.db);
    const claims = await Promise.all([
      ...Array.from({ length: CONCURRENT }, () => claimDailyTurn(tdb.db, a.id, crypto.randomUUID(), { limit: LIMIT })),
      claimDailyTurn(tdb.db, b.id, crypto.randomUUID(), { limit: LIMIT }),
    ]);
    expect(claims.slice(0, CONCURRENT).filter((c) => c.allowed)).toHaveLength(LIMIT);
    expect(claims.at(-1)?.allowed).toBe(true);
    expect(await turnsOf(a.id)).toHaveLength(LIMIT);
    expect(await turnsOf(b.id)).toHaveLength(1);
  });

  it("a turn refused after its claim gives the claim back", async () => {
    const u = await newUser(tdb.db);
    const { chat } = await createChat(tdb.db, { id: crypto.randomUUID(), userId: u.id, model: OFFLINE_MODEL_ID });
    const res = await POST(chatRequest({ id: chat.id, trigger: "regenerate-message", model: OFFLINE_MODEL_ID }, { cookie: u.cookie }));
    expect(res.status).toBe(400);
    expect(await turnsOf(u.id)).toHaveLength(0);
  });
});
