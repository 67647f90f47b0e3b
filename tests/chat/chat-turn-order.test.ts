/**
 * What sits between Send and the first text delta (src/server/chat/respond.ts, answer.ts): the
 * user's message is written while the model works, not after it answers; the answer's first text
 * delta does not wait for the new chat's title, which is asked for with the answer and arrives in
 * the same stream after the first words; the answer is saved once the model has finished, while
 * the title may still be on its way.
 */
import { eq } from "drizzle-orm";
import type { UIMessageChunk } from "ai";
import { MockLanguageModelV4 } from "ai/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import { registerChatModelForTesting } from "@/server/ai/models";
import { settleChatWork } from "@/server/chat/respond";
import { chats, messages } from "@/server/db/schema";
import { chatRequest, newUser, parseSse, suiteDatabase, textOf, userMessage } from "./helpers";
import { textStream, usage } from "./mock-model";

const MODEL_ID = "turn-order-model";

/** A title model's answer. */
const titleResult = (text: string) => ({ content: [{ type: "text" as const, text }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] });

/** A promise with its resolve function, to hold a mock model at a point the test chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Reads SSE chunks from a response until `until` matches one; returns everything read so far. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: UIMessageChunk[], until: (c: UIMessageChunk) => boolean) {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return seen;
    buffer += decoder.decode(value, { stream: true });
    const cut = buffer.lastIndexOf("\n\n");
    if (cut < 0) continue;
    const chunks = parseSse(buffer.slice(0, cut + 2));
    buffer = buffer.slice(cut + 2);
    seen.push(...chunks);
    if (chunks.some(until)) return seen;
  }
}

describe("the chat turn's order of work", () => {
  const tdb = suiteDatabase();
  let unregister: (() => void) | undefined;
  afterEach(async () => {
    await settleChatWork();
    unregister?.();
  });

  /** Sends a new chat's first message; answers the chat's id and the response's reader. */
  async function firstMessage(text: string) {
    const u = await newUser(tdb.db);
    const chatId = crypto.randomUUID();
    const res = await POST(chatRequest({ id: chatId, trigger: "submit-message", model: MODEL_ID, message: userMessage(text) }, { cookie: u.cookie }));
    expect(res.status).toBe(200);
    return { chatId, reader: res.body!.getReader() };
  }

  function serveWith(model: MockLanguageModelV4) {
    unregister = registerChatModelForTesting({ id: MODEL_ID, name: "Turn order", description: "test", offline: false }, model);
  }

  it("saves the user's message and answers 200 while the model has not sent anything yet", async () => {
    const model = gate();
    serveWith(
      new MockLanguageModelV4({
        doStream: async () => {
          await model.opened;
          return textStream(["Late ", "answer."]);
        },
      }),
    );
    const u = await newUser(tdb.db);
    const chatId = crypto.randomUUID();
    const message = userMessage("Is my message kept before you answer?");
    const res = await POST(chatRequest({ id: chatId, trigger: "submit-message", model: MODEL_ID, message }, { cookie: u.cookie }));
    expect(res.status).toBe(200);
    const stored = await tdb.db.select().from(messages).where(eq(messages.chatId, chatId));
    expect(stored.map((m) => [m.id, m.role])).toEqual([[message.id, "user"]]);
    const [chat] = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    expect(chat?.userId).toBe(u.id);

    model.open();
    const chunks = parseSse(await res.text());
    expect(textOf(chunks)).toBe("Late answer.");
  });

  it("sends the first text delta before the title exists, then the title in the same stream, saved before it ends", async () => {
    const title = gate();
    let titleAsked = false;
    serveWith(
      new MockLanguageModelV4({
        doStream: async () => textStream(["First ", "words."]),
        doGenerate: async () => {
          titleAsked = true;
          await title.opened;
          return titleResult("A patient title");
        },
      }),
    );
    const { chatId, reader } = await firstMessage("Name this chat");
    const seen = await readUntil(reader, [], (c) => c.type === "text-delta");
    expect(seen.some((c) => c.type === "text-delta")).toBe(true);
    expect(seen.some((c) => c.type === "data-chat-title")).toBe(false);

    title.open();
    await readUntil(reader, seen, () => false);
    expect(titleAsked).toBe(true);
    const titled = seen.find((c) => c.type === "data-chat-title") as { data: { title: string } } | undefined;
    expect(titled?.data.title).toBe("A patient title");
    expect(seen.findIndex((c) => c.type === "data-chat-title")).toBeLessThan(seen.findIndex((c) => c.type === "finish"));
    // Sent before it is saved, but saved before the response ends: a history loaded after the turn has it.
    const [chat] = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    expect(chat?.title).toBe("A patient title");
    await settleChatWork();
  });

  it("saves the answer once the model has finished, while the title is still being written", async () => {
    const title = gate();
    serveWith(
      new MockLanguageModelV4({
        doStream: async () => textStream(["The whole ", "answer."]),
        doGenerate: async () => {
          await title.opened;
          return titleResult("A slow title");
        },
      }),
    );
    const { chatId, reader } = await firstMessage("Name this chat slowly");
    const seen = await readUntil(reader, [], (c) => c.type === "text-end");
    try {
      // The stream is still open, waiting for the title, and the answer is already stored.
      await vi.waitFor(
        async () => {
          const rows = await tdb.db.select().from(messages).where(eq(messages.chatId, chatId));
          const answer = rows.find((m) => m.role === "assistant");
          expect(answer?.parts.map((p) => (p.type === "text" ? p.text : "")).join("")).toBe("The whole answer.");
        },
        { timeout: 1000, interval: 20 },
      );
      expect(seen.some((c) => c.type === "finish")).toBe(false);
    } finally {
      title.open();
    }
    await readUntil(reader, seen, () => false);
    expect(seen.some((c) => c.type === "data-chat-title")).toBe(true);
    expect(textOf(seen)).toBe("The whole answer.");
  });

  it("asks for the title with the answer, and sends it only after the answer's first words", async () => {
    const answer = gate();
    const titleAsked = gate();
    serveWith(
      new MockLanguageModelV4({
        doStream: async () => {
          await answer.opened;
          return textStream(["Late ", "words."]);
        },
        doGenerate: async () => {
          titleAsked.open();
          return titleResult("An early title");
        },
      }),
    );
    const { reader } = await firstMessage("Title me early");
    // The model has sent nothing yet, and the title is already being written.
    await titleAsked.opened;
    answer.open();
    const seen = await readUntil(reader, [], () => false);
    const firstWords = seen.findIndex((c) => c.type === "text-delta");
    const titled = seen.findIndex((c) => c.type === "data-chat-title");
    expect(firstWords).toBeGreaterThan(-1);
    expect(titled).toBeGreaterThan(firstWords);
  });
});
