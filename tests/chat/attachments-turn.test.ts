/**
 * A chat turn with attachments: the message names the caller's own uploads only (stored as the
 * server recorded them), a text file reaches every model as text and an image reaches a model
 * that sees images as a file part, and the offline model reads text files and says it cannot see
 * images.
 */
import { eq } from "drizzle-orm";
import { MockLanguageModelV4 } from "ai/test";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { OFFLINE_MODEL_ID, registerChatModelForTesting } from "@/server/ai/models";
import { chats, messages } from "@/server/db/schema";
import { testBackends } from "../helpers/db";
import { filePart, PNG, suiteAttachmentStorage, uploaded } from "./attachment-helpers";
import { chatRequest, newUser, readChunks, suiteDatabase, suiteOpenAIFake, textOf, type TestUser } from "./helpers";
import { textStream } from "./mock-model";

process.env.OFFLINE_MODEL_DELAY_MS = "0";

const NOTES = "Quarterly plan\nShip the attachment feature\nWrite the tests\nCelebrate\n";

describe.each(testBackends())("chat turns with attachments on %s", (backend) => {
  const tdb = suiteDatabase(backend);
  suiteAttachmentStorage();

  function send(user: TestUser, chatId: string, parts: unknown[], model = OFFLINE_MODEL_ID) {
    const message = { id: crypto.randomUUID(), role: "user", parts };
    return POST(chatRequest({ id: chatId, trigger: "submit-message", model, message }, { cookie: user.cookie }));
  }

  async function errorOf(res: Response) {
    return ((await res.json()) as { code: string; detail: string });
  }

  it("the offline model reads an attached text file: its name, line and word counts and first lines", async () => {
    const u = await newUser(tdb.db);
    const notes = await uploaded(u, "notes.txt", NOTES);
    const chatId = crypto.randomUUID();
    // The part's type and name as a client might send them: the stored message has the server's.
    const res = await send(u, chatId, [{ ...filePart(notes), mediaType: "application/x-evil", filename: "renamed.exe" }, { type: "text", text: "Summarise this file" }]);
    expect(res.status).toBe(200);
    const answer = textOf(await readChunks(res));
    expect(answer).toContain("You asked: _Summarise this file_");
    expect(answer).toContain("**notes.txt** (text/plain) has 4 lines and 10 words.");
    expect(answer).toContain("Quarterly plan\nShip the attachment feature");

    const [user] = await tdb.db.select().from(messages).where(eq(messages.chatId, chatId)).orderBy(messages.createdAt);
    expect(user?.parts).toEqual([
      { type: "file", url: notes.url, mediaType: "text/plain", filename: "notes.txt" },
      { type: "text", text: "Summarise this file" },
    ]);
  });

  it("a message of files only is sent, and its chat is titled from the file's name", async () => {
    const u = await newUser(tdb.db);
    const notes = await uploaded(u, "roadmap.md", "# Roadmap\n");
    const chatId = crypto.randomUUID();
    const res = await send(u, chatId, [filePart(notes)]);
    expect(res.status).toBe(200);
    expect(textOf(await readChunks(res))).toContain("**roadmap.md** (text/markdown) has 1 line and 2 words.");
    const [chat] = await tdb.db.select().from(chats).where(eq(chats.id, chatId));
    expect(chat?.title.toLowerCase()).toContain("roadmap");
  });

  it("an edited message keeps the files sent with it, and the model reads them again", async () => {
    const u = await newUser(tdb.db);
    const notes = await uploaded(u, "notes.txt", NOTES);
    const chatId = crypto.randomUUID();
    const id = crypto.randomUUID();
    const message = (text: string) => ({ id, role: "user", parts: [filePart(notes), { type: "text", text }] });
    await readChunks(await POST(chatRequest({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, message: message("First question") }, { cookie: u.cookie })));
    const res = await POST(
      chatRequest({ id: chatId, trigger: "submit-message", model: OFFLINE_MODEL_ID, messageId: id, message: message("Second question") }, { cookie: u.cookie }),
    );
    expect(res.status).toBe(200);
    const answer = textOf(await readChunks(res));
    expect(answer).toContain("You asked: _Second question_");
    expect(answer).toContain("**notes.txt** (text/plain) has 4 lines");
    const shown = (await u.caller.chats.byId({ id: chatId })).messages;
    expect(shown.map((m) => m.role)).toEqual(["user", "assistant"]);
    expect(shown[0]?.parts).toEqual([filePart(notes), { type: "text", text: "Second question" }]);
  });

  it("the offline model says it cannot see an attached image", async () => {
    const u = await newUser(tdb.db);
    const image = await uploaded(u, "cat.png", PNG, "image/png");
    const res = await send(u, crypto.randomUUID(), [filePart(image), { type: "text", text: "What is in this picture?" }]);
    const answer = textOf(await readChunks(res));
    expect(answer).toContain("I can't see images, so I can't tell you what **cat.png** shows");
  });

  it("a second user can neither attach nor read the first user's upload", async () => {
    const owner = await newUser(tdb.db, "Owner");
    const other = await newUser(tdb.db, "Other");
    const secret = await uploaded(owner, "secret.txt", "the owner's secret\n");
    const chatId = crypto.randomUUID();
    const res = await send(other, chatId, [filePart(secret), { type: "text", text: "What does it say?" }]);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({
      code: "bad_request:attachment",
      detail: "An attached file was not found among your uploads: remove it and attach it again.",
    });
    // Refused before anything was written.
    expect(await tdb.db.select().from(chats).where(eq(chats.id, chatId))).toHaveLength(0);
  });

  it("refuses file parts that do not name an upload of ours, and more than four files", async () => {
    const u = await newUser(tdb.db);
    const cases: Array<[unknown[], RegExp]> = [
      [[{ type: "file", url: "https://example.com/cat.png", mediaType: "image/png" }], /message\.parts\.0\.url: Attach files by uploading them/],
      [[{ type: "file", url: "data:text/plain;base64,aGk=", mediaType: "text/plain" }], /message\.parts\.0\.url/],
      [[{ type: "reasoning", text: "x" }], /Only text and file parts are supported/],
    ];
    const files = await Promise.all(Array.from({ length: 5 }, (_, i) => uploaded(u, `f${i}.txt`, `file ${i}`)));
    cases.push([files.map(filePart), /A message can have at most 4 attachments\./]);
    cases.push([[filePart(files[0]!), filePart(files[0]!)], /The same file is attached twice\./]);
    for (const [parts, pattern] of cases) {
      const res = await send(u, crypto.randomUUID(), parts);
      expect(res.status, JSON.stringify(parts).slice(0, 80)).toBe(400);
      expect((await errorOf(res)).detail).toMatch(pattern);
    }
  });

  it("gives a model that sees images the image as a file part, and text files as text", async () => {
    const u = await newUser(tdb.db);
    const model = new MockLanguageModelV4({ doStream: async () => textStream(["A tiny image."]) });
    const unregister = registerChatModelForTesting({ id: "vision-mock", name: "Vision", description: "", offline: false, images: true }, model);
    try {
      const image = await uploaded(u, "dot.png", PNG, "image/png");
      const notes = await uploaded(u, "notes.txt", NOTES);
      const res = await send(u, crypto.randomUUID(), [filePart(image), filePart(notes), { type: "text", text: "Describe both" }], "vision-mock");
      expect(textOf(await readChunks(res))).toBe("A tiny image.");
      const prompt = model.doStreamCalls[0]!.prompt;
      const user = prompt.find((m) => m.role === "user");
      if (user?.role !== "user") throw new Error("no user message in the prompt");
      const [imagePart, textFile, question] = user.content;
      expect(imagePart).toMatchObject({ type: "file", mediaType: "image/png", filename: "dot.png" });
      if (imagePart?.type !== "file" || imagePart.data.type !== "data") throw new Error("the image was not sent as data");
      expect(Buffer.from(imagePart.data.data as string, "base64").equals(PNG)).toBe(true);
      expect(textFile).toMatchObject({ type: "text", text: `<attached-file name="notes.txt" type="text/plain" lines="4" words="10">\n${NOTES.trimEnd()}\n</attached-file>` });
      expect(question).toMatchObject({ type: "text", text: "Describe both" });
    } finally {
      unregister();
    }
  });

  it("a model that cannot see images is told an image is there, by name", async () => {
    const u = await newUser(tdb.db);
    const model = new MockLanguageModelV4({ doStream: async () => textStream(["ok"]) });
    const unregister = registerChatModelForTesting({ id: "text-mock", name: "Text", description: "", offline: false }, model);
    try {
      const image = await uploaded(u, "dot.png", PNG, "image/png");
      await readChunks(await send(u, crypto.randomUUID(), [filePart(image)], "text-mock"));
      const user = model.doStreamCalls[0]!.prompt.find((m) => m.role === "user");
      expect(user?.content).toEqual([
        { type: "text", text: `<attached-file name="dot.png" type="image/png" bytes="${PNG.byteLength}" omitted="this model cannot see images">\n</attached-file>` },
      ]);
    } finally {
      unregister();
    }
  });
});

describe("attachments through @ai-sdk/openai against the Chat Completions wire fake", () => {
  const openai = suiteOpenAIFake();
  const tdb = suiteDatabase();
  suiteAttachmentStorage();

  it("sends an image as an image_url data URL and a text file as text in the user's content", async () => {
    const u = await newUser(tdb.db);
    const image = await uploaded(u, "dot.png", PNG, "image/png");
    const notes = await uploaded(u, "notes.txt", NOTES);
    const message = { id: crypto.randomUUID(), role: "user", parts: [filePart(image), filePart(notes), { type: "text", text: "Describe both" }] };
    const res = await POST(chatRequest({ id: crypto.randomUUID(), trigger: "submit-message", model: "gpt-4o-mini", message }, { cookie: u.cookie }));
    expect(res.status).toBe(200);
    expect(textOf(await readChunks(res))).toContain("Describe both");
    const chat = openai.fake.requests.find((r) => r.messages?.[0]?.role === "system" && String(r.messages[0].content).startsWith("You are Radium"));
    const user = chat?.messages?.find((m) => m.role === "user");
    expect(user?.content).toEqual([
      { type: "image_url", image_url: { url: `data:image/png;base64,${PNG.toString("base64")}` } },
      { type: "text", text: expect.stringMatching(/^<attached-file name="notes\.txt" type="text\/plain" lines="4" words="10">\nQuarterly plan/) },
      { type: "text", text: "Describe both" },
    ]);
  });
});
