/**
 * POST /api/chat, called with a Request as Next would: validation, auth, ownership, the daily
 * limit, persistence of both sides of a turn, stop/abort, edit and regenerate semantics.
 */
import { eq } from "drizzle-orm";
import type { UIMessageChunk } from "ai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/contract";
import { OFFLINE_MODEL_ID, registerChatModelForTesting } from "@/server/ai/models";
import { settleChatWork } from "@/server/chat/respond";
import { chats, messages } from "@/server/db/schema";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { chatRequest, newUser, parseSse, readChunks, textOf, useTestConnection, userMessage, type TestUser } from "./helpers";
import { promptText, textStream, toolCallStream } from "./mock-model";
import { saveVersion, listVersions } from "@/server/chat/documents";
import { DOCUMENT_NOT_FOUND } from "@/server/ai/tools/context";
import { MockLanguageModelV4 } from "ai/test";

process.env.OFFLINE_MODEL_DELAY_MS = "0";

/** The typed code and sentence of a problem+json answer. */
async function errorOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as { code: string; detail: string };
  return { code: body.code, message: body.detail };
}

describe.each(testBackends())("POST /api/chat on %s", (backend) => {
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
    process.env.OFFLINE_MODEL_DELAY_MS = "0";
    delete process.env.CHAT_DAILY_MESSAGE_LIMIT;
  });

  function send(user: TestUser | null, body: Record<string, unknown>, signal?: AbortSignal) {
    return POST(chatRequest({ trigger: "submit-message", model: OFFLINE_MODEL_ID, ...body }, { cookie: user?.cookie, signal }));
  }

  async function turn(user: TestUser, chatId: string, text: string, extra: Record<string, unknown> = {}) {
    const message = userMessage(text);
    const res = await send(user, { id: chatId, message, ...extra });
    expect(res.status).toBe(200);
    return { message, chunks: await readChunks(res) };
  }

  /** The conversation shown (the current branch), as the chat page loads it. */
  async function shown(user: TestUser, chatId: string) {
    return (await user.caller.chats.byId({ id: chatId })).messages;
  }

  async function storedMessages(chatId: string) {
    return tdb.db.select().from(messages).where(eq(messages.chatId, chatId)).orderBy(messages.createdAt);
  }

  describe("validation and access", () => {
    it("answers 400 with the zod message for a malformed body", async () => {
      const u = await newUser(tdb.db);
      const id = crypto.randomUUID();
      const raw = await POST(chatRequest(null, { cookie: u.cookie, raw: "{not json" }));
      expect(raw.status).toBe(400);
      expect(await errorOf(raw)).toEqual({ code: "bad_request:api", message: "The request body must be JSON." });

      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ id: "not-a-uuid", message: userMessage("hi") }, /^id: The chat id must be a UUID\.$/],
        [{ id, message: userMessage("a".repeat(MAX_MESSAGE_CHARS + 1)) }, /message\.parts: The message is 8,001 characters long; the limit is 8,000\./],
        [{ id, message: userMessage("   ") }, /message\.parts: The message is empty\./],
        [{ id, message: { ...userMessage("x"), parts: Array.from({ length: 21 }, () => ({ type: "text", text: "x" })) } }, /at most 20 parts/],
        [{ id, message: { ...userMessage("x"), parts: [{ type: "file", url: "http://x", mediaType: "image/png" }] } }, /message\.parts\.0/],
        [{ id, message: { ...userMessage("x"), role: "assistant" } }, /message\.role/],
        [{ id }, /message/],
        [{ id, message: userMessage("hi"), trigger: "resume-stream" }, /trigger/],
      ];
      for (const [body, pattern] of cases) {
        const res = await send(u, body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        const err = await errorOf(res);
        expect(err.code).toBe("bad_request:api");
        expect(err.message).toMatch(pattern);
      }
      const unknown = await send(u, { id, message: userMessage("hi"), model: "gpt-9000" });
      expect(unknown.status).toBe(400);
      expect(await errorOf(unknown)).toMatchObject({ code: "bad_request:model", message: expect.stringContaining('Unknown model "gpt-9000"') });
      expect(await tdb.db.select().from(chats).where(eq(chats.id, id))).toHaveLength(0);
    });

    it("answers 401 without a session (and for a forged cookie)", async () => {
      const res = await send(null, { id: crypto.randomUUID(), message: userMessage("hi") });
      expect(res.status).toBe(401);
      expect(await errorOf(res)).toEqual({ code: "unauthorized:auth", message: "Sign in to chat." });
      const forged = await POST(chatRequest({ id: crypto.randomUUID(), trigger: "submit-message", model: OFFLINE_MODEL_ID, message: userMessage("hi") }, { cookie: "radium_session=eyJzdWIiOiJ1c2VyX3gifQ.forged" }));
      expect(forged.status).toBe(401);
    });

    it("another user's private chat is 404 and a public one 403; nothing is written to either", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      await turn(alice, chatId, "Hello");
      const before = await storedMessages(chatId);

      const hidden = await send(bob, { id: chatId, message: userMessage("Let me in") });
      expect(hidden.status).toBe(404);
      expect(await errorOf(hidden)).toEqual({ code: "not_found:chat", message: "Chat not found." });
      const regen = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: OFFLINE_MODEL_ID }, { cookie: bob.cookie }));
      expect(regen.status).toBe(404);

      await alice.caller.chats.setVisibility({ id: chatId, visibility: "public" });
      const readOnly = await send(bob, { id: chatId, message: userMessage("Let me in") });
      expect(readOnly.status).toBe(403);
      expect((await errorOf(readOnly)).code).toBe("forbidden:chat");
      expect(await storedMessages(chatId)).toEqual(before);
    });

    it("refuses a message id that belongs to another chat (409), so no one can overwrite it", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const aliceChat = crypto.randomUUID();
      const { message } = await turn(alice, aliceChat, "Alice's question");
      const res = await send(bob, { id: crypto.randomUUID(), message: { ...message, parts: [{ type: "text", text: "Bob's edit" }] } });
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe("conflict:message");
      const [row] = await tdb.db.select().from(messages).where(eq(messages.id, message.id));
      expect(row?.parts).toEqual([{ type: "text", text: "Alice's question" }]);
    });

    it("answers 429 with when it resets once the daily limit is reached", async () => {
      process.env.CHAT_DAILY_MESSAGE_LIMIT = "2";
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      await turn(u, chatId, "one");
      await turn(u, chatId, "two");
      const res = await send(u, { id: chatId, message: userMessage("three") });
      expect(res.status).toBe(429);
      const err = await errorOf(res);
      expect(err.code).toBe("rate_limit:chat");
      expect(err.message).toMatch(/^You have reached the daily limit of 2 messages\. You can send more in (2[34] hours|\d+ minutes), at \d\d:\d\d UTC\.$/);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(23 * 3600);
      expect((await storedMessages(chatId)).filter((m) => m.role === "user")).toHaveLength(2);
      // Deleting chats does not give the quota back, and a regeneration is a turn too.
      await u.caller.chats.delete({ id: chatId });
      expect((await send(u, { id: crypto.randomUUID(), message: userMessage("four") })).status).toBe(429);
      // Another user is not affected.
      const other = await newUser(tdb.db);
      expect((await send(other, { id: crypto.randomUUID(), message: userMessage("hi") })).status).toBe(200);
      await settleChatWork();
    });

    it("counts regenerations against the daily limit", async () => {
      process.env.CHAT_DAILY_MESSAGE_LIMIT = "2";
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      await turn(u, chatId, "one");
      const regen = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: OFFLINE_MODEL_ID }, { cookie: u.cookie }));
      expect(regen.status).toBe(200);
      await readChunks(regen);
      const third = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: OFFLINE_MODEL_ID }, { cookie: u.cookie }));
      expect(third.status).toBe(429);
      await settleChatWork();
    });
  });

  describe("streaming and persistence", () => {
    it("streams the offline answer as a UI message stream and saves both messages and the title", async () => {
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const message = userMessage("Hello! What can you do?");
      const res = await send(u, { id: chatId, message, visibility: "public" });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/event-stream");
      expect(res.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
      const chunks = await readChunks(res);
      const start = chunks[0] as Extract<UIMessageChunk, { type: "start" }>;
      expect(start).toMatchObject({ type: "start", messageMetadata: { model: OFFLINE_MODEL_ID, offline: true } });
      const text = textOf(chunks);
      // The answer's first words leave on their own; the rest of the zero-delay burst comes joined (join-text-bursts.ts).
      const deltas = chunks.filter((c) => c.type === "text-delta");
      expect(deltas.length).toBeGreaterThan(1);
      expect(deltas[0]?.delta.length).toBeLessThan(text.length / 4);
      expect(text).toMatch(/offline model/i);
      const title = chunks.find((c) => c.type === "data-chat-title") as { data: { chatId: string; title: string } } | undefined;
      expect(title?.data.chatId).toBe(chatId);
      expect(chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });

      const chat = await u.caller.chats.byId({ id: chatId });
      expect(chat.chat).toMatchObject({ visibility: "public", model: OFFLINE_MODEL_ID, title: title?.data.title });
      expect(chat.chat.title).not.toBe("New chat");
      expect(chat.messages.map((m) => [m.id, m.role])).toEqual([
        [message.id, "user"],
        [start.messageId, "assistant"],
      ]);
      expect(chat.messages[1]?.metadata).toMatchObject({ model: OFFLINE_MODEL_ID, offline: true, createdAt: expect.any(String) });
      expect(chat.messages[1]?.parts.find((p) => p.type === "text")).toMatchObject({ text, state: "done" });

      // A second message keeps the title and answers with the whole conversation.
      const again = await turn(u, chatId, "Thanks");
      expect(again.chunks.some((c) => c.type === "data-chat-title")).toBe(false);
      expect((await u.caller.chats.byId({ id: chatId })).messages).toHaveLength(4);
    });

    it("creates, updates and reviews a document offline, streaming typed data parts", async () => {
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const created = await turn(u, chatId, "Write a short essay about lighthouses for my grandmother who loves sailing");
      const types = created.chunks.map((c) => c.type);
      expect(types).toContain("tool-input-start");
      expect(types.filter((t) => t === "tool-input-delta").length).toBeGreaterThan(1);
      expect(types).toContain("data-document-start");
      expect(types).toContain("data-document-delta");
      expect(types).toContain("data-document-finish");
      const out = created.chunks.find((c) => c.type === "tool-output-available") as { output: { id: string; title: string; kind: string } };
      expect(out.output).toMatchObject({ title: "Lighthouses", kind: "text" });
      const streamed = created.chunks
        .filter((c) => c.type === "data-document-delta")
        .map((c) => (c as { data: { delta: string } }).data.delta)
        .join("");
      const v1 = (await u.caller.documents.versions({ id: out.output.id })).versions;
      expect(v1).toHaveLength(1);
      expect(v1[0]?.content).toBe(streamed);
      // Written from the request, not the title alone: the audience is in it.
      expect(v1[0]?.content).toContain("my grandmother who loves sailing");

      await turn(u, chatId, "Make it shorter");
      const v2 = (await u.caller.documents.versions({ id: out.output.id })).versions;
      expect(v2).toHaveLength(2);
      expect(v2[1]!.content.length).toBeLessThan(v2[0]!.content.length);

      const reviewed = await turn(u, chatId, "Suggest improvements");
      const ready = reviewed.chunks.find((c) => c.type === "data-suggestions-ready") as { data: { documentId: string; count: number } };
      expect(ready.data.documentId).toBe(out.output.id);
      expect(ready.data.count).toBeGreaterThan(0);
      const open = await u.caller.suggestions.byDocument({ documentId: out.output.id });
      expect(open).toHaveLength(ready.data.count);
      for (const s of open) expect(v2[1]!.content).toContain(s.originalText);

      expect(await u.caller.documents.byChat({ chatId })).toEqual([expect.objectContaining({ id: out.output.id, kind: "text" })]);
    });

    it("stopping mid-stream keeps the partial answer", async () => {
      process.env.OFFLINE_MODEL_DELAY_MS = "15";
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const abort = new AbortController();
      const res = await send(u, { id: chatId, message: userMessage("Tell me everything about printing presses, in detail.") }, abort.signal);
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let sse = "";
      while ((sse.match(/"text-delta"/g) ?? []).length < 8) {
        const { value, done } = await reader.read();
        if (done) break;
        sse += decoder.decode(value, { stream: true });
      }
      abort.abort();
      await reader.cancel().catch(() => {});
      await settleChatWork();
      const received = textOf(parseSse(sse.slice(0, sse.lastIndexOf("\n\n") + 2)));
      expect(received.length).toBeGreaterThan(0);

      const saved = (await u.caller.chats.byId({ id: chatId })).messages;
      expect(saved.map((m) => m.role)).toEqual(["user", "assistant"]);
      const part = saved[1]!.parts.find((p) => p.type === "text") as { text: string; state: string };
      expect(part.state).toBe("done");
      expect(part.text.startsWith(received)).toBe(true);
      // Cut short: the full answer is several hundred words.
      expect(part.text.split(/\s+/).length).toBeLessThan(60);
    });

    it("a regenerate sent right after a stop replaces the stopped answer instead of racing its save", async () => {
      process.env.OFFLINE_MODEL_DELAY_MS = "15";
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const abort = new AbortController();
      const res = await send(u, { id: chatId, message: userMessage("Tell me everything about printing presses, in detail.") }, abort.signal);
      const reader = res.body!.getReader();
      let sse = "";
      while ((sse.match(/"text-delta"/g) ?? []).length < 4) {
        const { value, done } = await reader.read();
        if (done) break;
        sse += new TextDecoder().decode(value);
      }
      const stoppedId = (parseSse(sse)[0] as { messageId: string }).messageId;
      abort.abort();
      await reader.cancel().catch(() => {});
      // No waiting for the stopped answer's save: the client is idle and regenerates at once.
      process.env.OFFLINE_MODEL_DELAY_MS = "0";
      const again = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: OFFLINE_MODEL_ID }, { cookie: u.cookie }));
      expect(again.status).toBe(200);
      const newId = ((await readChunks(again))[0] as { messageId: string }).messageId;
      await settleChatWork();

      // The new answer is the one shown; the stopped one, saved late, stays a branch and does not take over.
      const shownNow = await shown(u, chatId);
      expect(shownNow.map((m) => m.role)).toEqual(["user", "assistant"]);
      expect(shownNow[1]?.id).toBe(newId);
      expect((await storedMessages(chatId)).map((r) => r.id)).toContain(stoppedId);
      expect(await u.caller.chats.branches({ id: chatId })).toEqual([{ id: newId, index: 1, siblings: [stoppedId, newId] }]);
    });
  });

  describe("stop and continue", () => {
    const QUESTION = "Tell me everything about printing presses, in detail.";

    /** Sends QUESTION and stops the answer after `deltas` text deltas; returns the stopped answer's id. */
    async function stoppedTurn(u: TestUser, chatId: string, deltas = 6) {
      process.env.OFFLINE_MODEL_DELAY_MS = "15";
      const abort = new AbortController();
      const res = await send(u, { id: chatId, message: userMessage(QUESTION) }, abort.signal);
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let sse = "";
      while ((sse.match(/"text-delta"/g) ?? []).length < deltas) {
        const { value, done } = await reader.read();
        if (done) break;
        sse += decoder.decode(value, { stream: true });
      }
      abort.abort();
      await reader.cancel().catch(() => {});
      await settleChatWork();
      process.env.OFFLINE_MODEL_DELAY_MS = "0";
      return (parseSse(sse)[0] as { messageId: string }).messageId;
    }

    function continueRequest(u: TestUser, chatId: string, messageId: string, continueFrom?: number) {
      return POST(chatRequest({ id: chatId, trigger: "continue-message", messageId, continueFrom, model: OFFLINE_MODEL_ID }, { cookie: u.cookie }));
    }

    it("a stopped answer is marked stopped; Continue carries it on under the same id until it reads as if never stopped", async () => {
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const stoppedId = await stoppedTurn(u, chatId);
      const stopped = (await storedMessages(chatId))[1]!;
      expect(stopped.id).toBe(stoppedId);
      expect((stopped.metadata as { stopped?: boolean }).stopped).toBe(true);

      // The client saw a few characters less than the server saved (still in flight when it stopped): it goes on from those.
      const savedText = (stopped.parts as Array<{ type: string; text?: string }>).find((p) => p.type === "text")?.text ?? "";
      expect(savedText.length).toBeGreaterThan(4);
      const res = await continueRequest(u, chatId, stoppedId, savedText.length - 4);
      expect(res.status).toBe(200);
      const chunks = await readChunks(res);
      expect((chunks[0] as { messageId: string }).messageId).toBe(stoppedId);
      expect(textOf(chunks).startsWith(savedText.slice(-4))).toBe(true);

      // The same question answered without a stop, in another chat: the continued answer is that text.
      const whole = crypto.randomUUID();
      await turn(u, whole, QUESTION);
      const reference = (await storedMessages(whole))[1]!;
      const rows = await storedMessages(chatId);
      expect(rows.map((r) => r.role)).toEqual(["user", "assistant"]);
      const continued = rows[1]!;
      expect(continued.id).toBe(stoppedId);
      const texts = (continued.parts as Array<{ type: string; text?: string }>).filter((p) => p.type === "text");
      expect(texts).toHaveLength(1);
      expect(texts[0]?.text).toBe((reference.parts as Array<{ type: string; text?: string }>).find((p) => p.type === "text")?.text);
      expect((continued.metadata as { stopped?: boolean }).stopped).toBe(false);
    });

    it("only the chat's last answer can be continued, and only by its owner", async () => {
      const alice = await newUser(tdb.db);
      const bob = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const { message } = await turn(alice, chatId, "Hello");
      const firstAnswer = (await storedMessages(chatId))[1]!.id;
      await turn(alice, chatId, "Hello again");
      const before = await storedMessages(chatId);

      const notLast = await continueRequest(alice, chatId, firstAnswer);
      expect(notLast.status).toBe(400);
      expect(await errorOf(notLast)).toEqual({ code: "bad_request:message", message: "Only the chat's last answer can be continued." });
      expect((await continueRequest(alice, chatId, message.id)).status).toBe(400);
      const last = before.at(-1)!.id;
      expect((await continueRequest(bob, chatId, last)).status).toBe(404);
      expect((await continueRequest(bob, crypto.randomUUID(), last)).status).toBe(404);
      const missing = await POST(chatRequest({ id: chatId, trigger: "continue-message", model: OFFLINE_MODEL_ID }, { cookie: alice.cookie }));
      expect(missing.status).toBe(400);
      expect(await storedMessages(chatId)).toEqual(before);
    });
  });

  describe("edit and regenerate", () => {
    let model: MockLanguageModelV4;
    let unregister: () => void;
    beforeAll(() => {
      let n = 0;
      model = new MockLanguageModelV4({ doStream: async () => textStream([`Answer ${++n}`]) });
      unregister = registerChatModelForTesting({ id: "mock-model", name: "Mock", description: "test", offline: false }, model);
    });
    afterAll(() => unregister());

    async function mockTurn(user: TestUser, chatId: string, text: string) {
      const message = userMessage(text);
      const res = await send(user, { id: chatId, message, model: "mock-model" });
      expect(res.status).toBe(200);
      const chunks = await readChunks(res);
      return { message, answerId: (chunks[0] as { messageId: string }).messageId };
    }

    it("an edit is a new version of the message: the conversation follows it, and the old one stays a branch", async () => {
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const first = await mockTurn(u, chatId, "Capital of France?");
      const second = await mockTurn(u, chatId, "And of Italy?");
      expect(await storedMessages(chatId)).toHaveLength(4);

      const calls = model.doStreamCalls.length;
      const res = await send(u, { id: chatId, model: "mock-model", messageId: first.message.id, message: { ...first.message, parts: [{ type: "text", text: "Capital of Spain?" }] } });
      const chunks = await readChunks(res);
      expect(textOf(chunks)).toMatch(/^Answer \d+$/);
      const prompt = promptText(model.doStreamCalls[calls]);
      expect(prompt).toContain("Capital of Spain?");
      expect(prompt).not.toContain("France");
      expect(prompt).not.toContain("Italy");

      const answerId = (chunks[0] as { messageId: string }).messageId;
      const now = await shown(u, chatId);
      expect(now.map((m) => m.id)).toEqual([first.message.id, answerId]);
      expect(now[0]?.parts).toEqual([{ type: "text", text: "Capital of Spain?" }]);
      // Nothing was deleted: the old version and its turns are kept beside it.
      expect(await storedMessages(chatId)).toHaveLength(6);
      const [point] = await u.caller.chats.branches({ id: chatId });
      expect(point).toMatchObject({ id: first.message.id, index: 1 });
      expect(point?.siblings).toHaveLength(2);

      // Back to the first version: the old conversation, as it was, survives a reload.
      const back = await u.caller.chats.switchBranch({ id: chatId, messageId: point!.siblings[0]! });
      const texts = back.messages.map((m) => (m.parts.find((p) => p.type === "text") as { text: string } | undefined)?.text);
      expect(texts[0]).toBe("Capital of France?");
      expect(back.messages.map((m) => m.id).slice(1)).toEqual([first.answerId, second.message.id, second.answerId]);
      expect((await u.caller.chats.byId({ id: chatId })).messages).toEqual(back.messages);
      expect(await u.caller.chats.branches({ id: chatId })).toEqual([{ ...point, id: point!.siblings[0], index: 0 }]);
    });

    it("regenerate adds a version of the answer beside the old one; only branches of the shown path count", async () => {
      const u = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const first = await mockTurn(u, chatId, "Question one");
      const second = await mockTurn(u, chatId, "Question two");

      const res = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", messageId: second.answerId, model: "mock-model" }, { cookie: u.cookie }));
      expect(res.status).toBe(200);
      const chunks = await readChunks(res);
      const newId = (chunks[0] as { messageId: string }).messageId;
      expect(newId).not.toBe(second.answerId);
      expect((await shown(u, chatId)).map((m) => m.id)).toEqual([first.message.id, first.answerId, second.message.id, newId]);
      expect(await u.caller.chats.branches({ id: chatId })).toEqual([{ id: newId, index: 1, siblings: [second.answerId, newId] }]);

      // Regenerating an earlier answer starts a branch there: the later turn leaves the conversation shown.
      const again = await readChunks(await POST(chatRequest({ id: chatId, trigger: "regenerate-message", messageId: first.answerId, model: "mock-model" }, { cookie: u.cookie })));
      const againId = (again[0] as { messageId: string }).messageId;
      expect((await shown(u, chatId)).map((m) => m.id)).toEqual([first.message.id, againId]);
      expect(await u.caller.chats.branches({ id: chatId })).toEqual([{ id: againId, index: 1, siblings: [first.answerId, againId] }]);

      // Without a message id: the last answer gets another version.
      const last = await readChunks(await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: "mock-model" }, { cookie: u.cookie })));
      const lastId = (last[0] as { messageId: string }).messageId;
      expect((await shown(u, chatId)).map((m) => m.id)).toEqual([first.message.id, lastId]);
      expect((await u.caller.chats.branches({ id: chatId }))[0]?.siblings).toEqual([first.answerId, againId, lastId]);
      expect(await storedMessages(chatId)).toHaveLength(7);
    });

    it("a message of a branch not shown cannot be edited or regenerated; branches are the owner's alone", async () => {
      const u = await newUser(tdb.db);
      const other = await newUser(tdb.db);
      const chatId = crypto.randomUUID();
      const first = await mockTurn(u, chatId, "One");
      await readChunks(await POST(chatRequest({ id: chatId, trigger: "regenerate-message", model: "mock-model" }, { cookie: u.cookie })));
      const stale = await POST(chatRequest({ id: chatId, trigger: "regenerate-message", messageId: first.answerId, model: "mock-model" }, { cookie: u.cookie }));
      expect(stale.status).toBe(409);
      expect((await errorOf(stale)).code).toBe("conflict:message");

      await expect(other.caller.chats.branches({ id: chatId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(other.caller.chats.switchBranch({ id: chatId, messageId: first.answerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await u.caller.chats.setVisibility({ id: chatId, visibility: "public" });
      await expect(other.caller.chats.switchBranch({ id: chatId, messageId: first.answerId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(u.caller.chats.switchBranch({ id: chatId, messageId: "no-such-message" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      // Readers of the public chat see the branch its owner shows.
      expect((await other.caller.chats.byId({ id: chatId })).messages).toEqual(await shown(u, chatId));
    });

    it("a model that names another user's document gets 'not found' from the tool; the document is unchanged", async () => {
      const alice = await newUser(tdb.db);
      const mallory = await newUser(tdb.db);
      const doc = await saveVersion(tdb.db, { id: crypto.randomUUID(), userId: alice.id, chatId: null, title: "Diary", kind: "text", content: "Dear diary." });
      let step = 0;
      const sneaky = new MockLanguageModelV4({
        doStream: async () =>
          ++step % 2 === 1 ? toolCallStream("updateDocument", { id: doc.id, description: "replace everything" }) : textStream(["Done."]),
      });
      const off = registerChatModelForTesting({ id: "sneaky-model", name: "Sneaky", description: "test", offline: false }, sneaky);
      try {
        const res = await send(mallory, { id: crypto.randomUUID(), message: userMessage("edit that diary"), model: "sneaky-model" });
        const chunks = await readChunks(res);
        expect(chunks.find((c) => c.type === "tool-output-error")).toMatchObject({ errorText: expect.stringContaining(DOCUMENT_NOT_FOUND) });
        expect(chunks.some((c) => c.type === "data-document-start")).toBe(false);
        expect((await listVersions(tdb.db, doc.id)).map((v) => v.content)).toEqual(["Dear diary."]);
      } finally {
        off();
      }
    });

    it("a provider error reaches the client as a readable error chunk, never a blank stream", async () => {
      const failing = new MockLanguageModelV4({
        doStream: async () => {
          throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" });
        },
      });
      const off = registerChatModelForTesting({ id: "failing-model", name: "Failing", description: "test", offline: false }, failing);
      try {
        const u = await newUser(tdb.db);
        const chatId = crypto.randomUUID();
        const res = await send(u, { id: chatId, message: userMessage("hello"), model: "failing-model" });
        expect(res.status).toBe(200);
        const chunks = await readChunks(res);
        const error = chunks.find((c) => c.type === "error") as { errorText: string } | undefined;
        expect(error?.errorText).toMatch(/model provider|could not answer/i);
        expect(chunks.at(-1)?.type).toBe("finish");
        // The question is kept for a retry; no empty answer is stored.
        expect((await storedMessages(chatId)).map((r) => r.role)).toEqual(["user"]);
      } finally {
        off();
      }
    });
  });
});
