/**
 * Wire-faithful provider test: the chat route with the real `@ai-sdk/openai` provider
 * (`openai.chat(model)`, Chat Completions) pointed at a local HTTP server that answers with
 * OpenAI's streaming chunk format — text deltas, a tool call with streamed arguments, finish
 * reasons, usage — and fails the way OpenAI does (429 JSON error body, dropped connection, bad key).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { z } from "zod";
import { chatRequest, newUser, readChunks, suiteDatabase, suiteOpenAIFake, textOf, userMessage, type TestUser } from "./helpers";

describe("chat through @ai-sdk/openai against a Chat Completions wire fake", () => {
  const openai = suiteOpenAIFake();
  const tdb = suiteDatabase();
  beforeEach(() => {
    openai.fake.requests.length = 0;
  });

  async function send(user: TestUser, text: string, chatId = crypto.randomUUID()) {
    const res = await POST(chatRequest({ id: chatId, trigger: "submit-message", model: "gpt-4o-mini", message: userMessage(text) }, { cookie: user.cookie }));
    expect(res.status).toBe(200);
    return { chatId, chunks: await readChunks(res) };
  }

  it("offers the configured models, not the offline one", async () => {
    const u = await newUser(tdb.db);
    const { models, defaultModel } = await u.caller.chats.models();
    expect(models.map((m) => m.id)).toEqual(["gpt-4o-mini", "gpt-4o"]);
    expect(models.every((m) => !m.offline)).toBe(true);
    expect(models[0]?.description).toContain("OpenAI-compatible server at 127.0.0.1");
    expect(defaultModel).toBe("gpt-4o-mini");
  });

  it("streams text deltas parsed from chat.completion.chunk events and stores the answer", async () => {
    const u = await newUser(tdb.db);
    const { chatId, chunks } = await send(u, "Hello there");
    const text = textOf(chunks);
    // The fake sends a word per chunk, all at once: the first word leaves alone, the rest joined (join-text-bursts.ts).
    const deltas = chunks.filter((c) => c.type === "text-delta");
    expect(deltas[0]?.delta.trim()).toBe(text.split(" ")[0]);
    expect(deltas.length).toBeGreaterThan(1);
    expect(text).toContain('You said: "Hello there"');
    expect(chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "stop" });

    // The provider sent a real Chat Completions request: streaming with usage, our tools, our instructions.
    const chat = openai.fake.requests.find((r) => r.messages?.[0]?.role === "system" && String(r.messages[0].content).startsWith("You are Radium"));
    expect(chat).toMatchObject({ model: "gpt-4o-mini", stream: true, stream_options: { include_usage: true } });
    expect(chat?.tools?.map((t) => t.function.name).sort()).toEqual(["createDocument", "readDocument", "requestSuggestions", "updateDocument"]);

    const stored = await u.caller.chats.byId({ id: chatId });
    expect(stored.messages.at(-1)).toMatchObject({ role: "assistant", metadata: { model: "gpt-4o-mini", offline: false } });
    expect(stored.messages.at(-1)?.parts.find((p) => p.type === "text")).toMatchObject({ text });
    expect(stored.chat.title).toBe("Hello there");
  });

  it("runs a streamed createDocument tool call, writes the document from the conversation, then answers", async () => {
    const u = await newUser(tdb.db);
    const { chatId, chunks } = await send(u, "Write an essay about tides");
    // Arguments arrived in several pieces and were parsed into the tool input.
    expect(chunks.filter((c) => c.type === "tool-input-delta").length).toBeGreaterThanOrEqual(3);
    expect(chunks.find((c) => c.type === "tool-input-available")).toMatchObject({
      toolName: "createDocument",
      input: { title: "Essay about tides", kind: "text" },
    });
    const output = chunks.find((c) => c.type === "tool-output-available") as { output: { id: string } };
    const versions = (await u.caller.documents.versions({ id: output.output.id })).versions;
    expect(versions[0]?.content).toMatch(/^# Tides\n/);
    // The document streamed: its first words went out before the rest (later deltas of a burst are joined).
    const docDeltas = chunks.flatMap((c) => (c.type === "data-document-delta" && "data" in c ? [z.object({ delta: z.string() }).parse(c.data).delta] : []));
    expect(docDeltas.length).toBeGreaterThan(1);
    expect(docDeltas.join("")).toBe(versions[0]?.content);
    expect(textOf(chunks)).toContain('I\'ve created "Essay about tides"');

    // The document request carried the conversation; the follow-up carried the tool result.
    const docRequest = openai.fake.requests.find((r) => String(r.messages?.[0]?.content ?? "").startsWith("You write the content of a text document."));
    expect(JSON.stringify(docRequest?.messages)).toContain("user: Write an essay about tides");
    const followUp = openai.fake.requests.find((r) => r.messages?.some((m) => m.role === "tool"));
    expect(followUp?.messages?.find((m) => m.role === "assistant")?.tool_calls?.[0]?.function.name).toBe("createDocument");

    const stored = await u.caller.chats.byId({ id: chatId });
    expect(stored.messages.at(-1)?.parts.map((p) => p.type)).toEqual(["step-start", "tool-createDocument", "step-start", "text"]);
  });

  it("shows an HTTP 429 from the provider as a readable error, after retrying once", async () => {
    const u = await newUser(tdb.db);
    const { chatId, chunks } = await send(u, "[fake:429] hello");
    const error = chunks.find((c) => c.type === "error") as { errorText: string };
    expect(error.errorText).toMatch(/^The model provider is rate-limiting requests \(HTTP 429\)\. Wait a moment, then retry\./);
    expect(error.errorText).toContain("Rate limit reached for gpt-4o-mini");
    const chatCalls = openai.fake.requests.filter((r) => r.stream && String(r.messages?.[0]?.content ?? "").startsWith("You are Radium"));
    expect(chatCalls).toHaveLength(2);
    expect(chunks.some((c) => c.type === "text-delta")).toBe(false);
    // The question is kept (retry regenerates it); the failed title request fell back to one made from the message.
    const stored = await u.caller.chats.byId({ id: chatId });
    expect(stored.messages.map((m) => m.role)).toEqual(["user"]);
    expect(stored.chat.title).not.toBe("New chat");
  });

  it("shows a connection dropped mid-stream as a readable error and keeps the partial answer", async () => {
    const u = await newUser(tdb.db);
    const { chatId, chunks } = await send(u, "[fake:drop] hello");
    const partial = textOf(chunks);
    expect(partial.length).toBeGreaterThan(0);
    const errorAt = chunks.findIndex((c) => c.type === "error");
    expect((chunks[errorAt] as { errorText: string }).errorText).toBe(
      "The connection to the model provider dropped before the answer finished. Retry to get a complete answer.",
    );
    expect(chunks.at(-1)?.type).toBe("finish");
    const stored = await u.caller.chats.byId({ id: chatId });
    expect(stored.messages.at(-1)?.parts.find((p) => p.type === "text")).toMatchObject({ text: partial });
  });

  it("shows a rejected API key as a readable error", async () => {
    const u = await newUser(tdb.db);
    openai.fake.enqueue("bad-key", 3);
    const { chunks } = await send(u, "hello");
    const error = chunks.find((c) => c.type === "error") as { errorText: string };
    expect(error.errorText).toMatch(/^The model provider rejected the API key \(HTTP 401\)\. Check OPENAI_API_KEY/);
    expect(error.errorText).toContain("Incorrect API key provided");
  });
});
