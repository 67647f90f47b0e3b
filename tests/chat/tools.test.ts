/**
 * Each document tool with MockLanguageModelV4 against a real database: what the model is shown,
 * what is stored, what streams to the client — and that a tool never reads or changes another
 * user's document.
 */
import type { UIMessageChunk } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChat } from "@/server/chat/chats";
import { listVersions, saveVersion } from "@/server/chat/documents";
import { chatTools, type ToolContext } from "@/server/ai/tools";
import { DOCUMENT_NOT_FOUND } from "@/server/ai/tools/context";
import { suggestions } from "@/server/db/schema";
import { eq } from "drizzle-orm";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { conversation, generatingModel, promptText, recordingWriter, streamingModel } from "./mock-model";
import { newUser } from "./helpers";

type AnyTool = { execute?: (input: never, options: never) => unknown };
async function run(t: AnyTool, input: unknown, messages = conversation("hello")) {
  return (t.execute as (i: unknown, o: unknown) => Promise<unknown>)(input, { toolCallId: "call-1", messages, context: undefined });
}

function dataOf(chunks: UIMessageChunk[], type: string) {
  return chunks.filter((c) => c.type === type).map((c) => (c as { data: Record<string, unknown> }).data);
}

describe.each(testBackends())("document tools on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  async function setup(model: ToolContext["model"]) {
    const user = await newUser(tdb.db);
    const { chat } = await createChat(tdb.db, { id: crypto.randomUUID(), userId: user.id, model: "test" });
    const { writer, chunks } = recordingWriter();
    const ctx: ToolContext = { db: tdb.db, userId: user.id, chatId: chat.id, writer, model };
    return { user, chat, chunks, tools: chatTools(ctx) };
  }

  async function documentOf(userId: string, content: string, chatId: string | null = null) {
    return saveVersion(tdb.db, { id: crypto.randomUUID(), userId, chatId, title: "Notes", kind: "text", content });
  }

  it("createDocument writes the content from the conversation, streams it and saves version 1", async () => {
    const model = streamingModel(["# Tides\n\n", "Tides rise twice a day ", "for sailors."]);
    const { user, chat, chunks, tools } = await setup(model);
    const messages = conversation("I sail on weekends.", "Nice!", "Write an essay about tides for sailors like me");
    const out = (await run(tools.createDocument, { title: "Tides", kind: "text" }, messages)) as { id: string; title: string; kind: string };

    expect(out).toMatchObject({ title: "Tides", kind: "text" });
    // The model was shown the whole conversation, not just the title.
    const prompt = promptText(model.doStreamCalls[0]);
    expect(prompt).toContain("I sail on weekends.");
    expect(prompt).toContain("Write an essay about tides for sailors like me");
    expect(prompt).toContain("Document title: Tides");
    expect(model.doStreamCalls[0]?.prompt[0]).toMatchObject({ role: "system" });

    const versions = await listVersions(tdb.db, out.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ userId: user.id, chatId: chat.id, kind: "text", content: "# Tides\n\nTides rise twice a day for sailors." });

    expect(dataOf(chunks, "data-document-start")).toEqual([{ id: out.id, title: "Tides", kind: "text", action: "create" }]);
    expect(dataOf(chunks, "data-document-delta").map((d) => d.delta).join("")).toBe("# Tides\n\nTides rise twice a day for sailors.");
    expect(dataOf(chunks, "data-document-finish")).toEqual([{ id: out.id, createdAt: versions[0]!.createdAt.toISOString() }]);
    expect(chunks.every((c) => (c as { transient?: boolean }).transient === true)).toBe(true);
  });

  it("createDocument strips a Markdown fence around code and normalises CSV", async () => {
    const code = await setup(streamingModel(["```python\n", "print('hi')\n", "```\n"]));
    const c = (await run(code.tools.createDocument, { title: "Hi", kind: "code" })) as { id: string };
    expect((await listVersions(tdb.db, c.id))[0]?.content).toBe("print('hi')\n");

    const sheet = await setup(streamingModel(["```csv\n", "a,b\n1,2\n\n", "```"]));
    const s = (await run(sheet.tools.createDocument, { title: "T", kind: "sheet" })) as { id: string };
    expect((await listVersions(tdb.db, s.id))[0]?.content).toBe("a,b\n1,2");
  });

  it("updateDocument shows the model the current content and saves a new version", async () => {
    const model = streamingModel(["Short ", "version."]);
    const { user, chunks, tools } = await setup(model);
    const doc = await documentOf(user.id, "A long first version of the notes, edited by hand.");
    const out = await run(tools.updateDocument, { id: doc.id, description: "make it shorter" });

    expect(out).toEqual({ id: doc.id, title: "Notes", kind: "text" });
    const prompt = promptText(model.doStreamCalls[0]);
    expect(prompt).toContain("A long first version of the notes, edited by hand.");
    expect(prompt).toContain("Requested change: make it shorter");
    const versions = await listVersions(tdb.db, doc.id);
    expect(versions.map((v) => v.content)).toEqual(["A long first version of the notes, edited by hand.", "Short version."]);
    expect(dataOf(chunks, "data-document-start")[0]).toMatchObject({ id: doc.id, action: "update" });
  });

  it("updateDocument cannot change another user's document (or a malformed id)", async () => {
    const model = streamingModel(["hijacked"]);
    const { tools } = await setup(model);
    const other = await newUser(tdb.db);
    const theirs = await documentOf(other.id, "Private notes of someone else.");
    await expect(run(tools.updateDocument, { id: theirs.id, description: "rewrite" })).rejects.toThrow(DOCUMENT_NOT_FOUND);
    await expect(run(tools.updateDocument, { id: "not-a-uuid", description: "rewrite" })).rejects.toThrow(DOCUMENT_NOT_FOUND);
    expect(model.doStreamCalls).toHaveLength(0);
    expect((await listVersions(tdb.db, theirs.id)).map((v) => v.content)).toEqual(["Private notes of someone else."]);
  });

  it("readDocument returns the current content, and nothing of another user's document", async () => {
    const { user, tools } = await setup(streamingModel([]));
    const doc = await documentOf(user.id, "Version one.");
    await saveVersion(tdb.db, { id: doc.id, userId: user.id, chatId: null, title: "Notes", kind: "text", content: "Version two, typed by the user." });
    expect(await run(tools.readDocument, { id: doc.id })).toEqual({ id: doc.id, title: "Notes", kind: "text", content: "Version two, typed by the user." });

    const other = await newUser(tdb.db);
    const theirs = await documentOf(other.id, "Secret.");
    await expect(run(tools.readDocument, { id: theirs.id })).rejects.toThrow(DOCUMENT_NOT_FOUND);
  });

  it("requestSuggestions saves only suggestions whose original text is in the document", async () => {
    const model = generatingModel(
      JSON.stringify({
        suggestions: [
          { originalText: "It is very good.", suggestedText: "It is excellent.", description: "Stronger word." },
          { originalText: "This sentence is not in the document.", suggestedText: "Whatever.", description: "Invented." },
          { originalText: "Second line here.", suggestedText: "Second line here.", description: "No change." },
        ],
      }),
    );
    const { user, chunks, tools } = await setup(model);
    const doc = await documentOf(user.id, "It is very good. Second line here.");
    const out = await run(tools.requestSuggestions, { documentId: doc.id });
    expect(out).toEqual({ documentId: doc.id, count: 1 });
    expect(promptText(model.doGenerateCalls[0])).toContain("It is very good. Second line here.");
    const rows = await tdb.db.select().from(suggestions).where(eq(suggestions.documentId, doc.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ originalText: "It is very good.", suggestedText: "It is excellent.", status: "open", userId: user.id });
    expect(rows[0]!.documentCreatedAt.getTime()).toBe(doc.createdAt.getTime());
    expect(dataOf(chunks, "data-suggestions-ready")).toEqual([{ documentId: doc.id, count: 1 }]);
  });

  it("requestSuggestions cannot read another user's document", async () => {
    const model = generatingModel('{"suggestions":[]}');
    const { tools } = await setup(model);
    const other = await newUser(tdb.db);
    const theirs = await documentOf(other.id, "Their words.");
    await expect(run(tools.requestSuggestions, { documentId: theirs.id })).rejects.toThrow(DOCUMENT_NOT_FOUND);
    expect(model.doGenerateCalls).toHaveLength(0);
    expect(await tdb.db.select().from(suggestions).where(eq(suggestions.documentId, theirs.id))).toHaveLength(0);
  });
});
