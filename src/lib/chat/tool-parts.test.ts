import { describe, expect, it } from "vitest";
import type { RadiumMessagePart, RadiumUIMessage } from "./contract";
import { lastAnswerDocument, readToolPart } from "./tool-parts";

const doc = { id: "11111111-1111-4111-8111-111111111111", title: "Tea", kind: "text" } as const;
const created = (output: { id: string; title: string; kind: "text" | "code" | "sheet" } = doc): RadiumMessagePart => ({
  type: "tool-createDocument",
  toolCallId: "c",
  state: "output-available",
  input: { title: output.title, kind: output.kind },
  output,
});
const updated = (output: { id: string; title: string; kind: "text" | "code" | "sheet" } = doc): RadiumMessagePart => ({
  type: "tool-updateDocument",
  toolCallId: "c",
  state: "output-available",
  input: { id: output.id, description: "Shorter" },
  output,
});

describe("readToolPart", () => {
  it("ignores parts that are not tool calls", () => {
    expect(readToolPart({ type: "text", text: "hi" })).toBeNull();
    expect(readToolPart({ type: "dynamic-tool", toolName: "weather", toolCallId: "w", state: "input-available", input: {} })).toBeNull();
  });

  it("shows a running createDocument with the requested title", () => {
    expect(
      readToolPart({ type: "tool-createDocument", toolCallId: "c1", state: "input-available", input: { title: "Ocean", kind: "text" } }),
    ).toMatchObject({ tool: "createDocument", toolCallId: "c1", state: "running", inputLabel: "Ocean", document: null, documentId: null });
  });

  it("shows a call whose input is still streaming, before any field has arrived", () => {
    expect(readToolPart({ type: "tool-updateDocument", toolCallId: "c0", state: "input-streaming", input: undefined })).toMatchObject({
      tool: "updateDocument",
      state: "running",
      inputLabel: null,
      documentId: null,
    });
  });

  it("reads a finished create/update output as a document reference", () => {
    const v = readToolPart(updated({ id: "d1", title: "Ocean", kind: "text" }));
    expect(v).toMatchObject({ tool: "updateDocument", state: "done", document: { id: "d1", title: "Ocean", kind: "text" }, documentId: "d1" });
  });

  it("keeps a read document's reference but not its content", () => {
    const v = readToolPart({
      type: "tool-readDocument",
      toolCallId: "r",
      state: "output-available",
      input: { id: "d1" },
      output: { id: "d1", title: "Ocean", kind: "code", content: "print(1)" },
    });
    expect(v?.document).toEqual({ id: "d1", title: "Ocean", kind: "code" });
  });

  it("reads suggestions counts and errors", () => {
    expect(
      readToolPart({ type: "tool-requestSuggestions", toolCallId: "c3", state: "output-available", input: { documentId: "d1" }, output: { documentId: "d1", count: 3 } }),
    ).toMatchObject({ tool: "requestSuggestions", state: "done", documentId: "d1", suggestionCount: 3 });
    expect(
      readToolPart({ type: "tool-readDocument", toolCallId: "c4", state: "output-error", input: { id: "dx" }, errorText: "Document not found" }),
    ).toMatchObject({ state: "error", errorText: "Document not found", documentId: "dx" });
  });
});

describe("lastAnswerDocument", () => {
  const user: RadiumUIMessage = { id: "u", role: "user", parts: [{ type: "text", text: "hi" }] };
  const answer = (...parts: RadiumMessagePart[]): RadiumUIMessage => ({ id: "a", role: "assistant", parts });

  it("is the document the last answer created or updated (its latest such call)", () => {
    const other = { ...doc, id: "22222222-2222-4222-8222-222222222222", title: "Coffee" };
    expect(lastAnswerDocument([user, answer(created(), { type: "text", text: "Done." })])).toEqual(doc);
    expect(lastAnswerDocument([user, answer(created(), updated(other))])).toEqual(other);
  });

  it("is null when the last answer wrote nothing, only read, failed, or is not the last message", () => {
    const read: RadiumMessagePart = { type: "tool-readDocument", toolCallId: "r", state: "output-available", input: { id: doc.id }, output: { ...doc, content: "x" } };
    const failed: RadiumMessagePart = { type: "tool-createDocument", toolCallId: "c", state: "output-error", input: { title: "Tea", kind: "text" }, errorText: "Stopped" };
    expect(lastAnswerDocument([user, answer({ type: "text", text: "Hello" })])).toBeNull();
    expect(lastAnswerDocument([user, answer(read)])).toBeNull();
    expect(lastAnswerDocument([user, answer(failed)])).toBeNull();
    expect(lastAnswerDocument([answer(created()), user])).toBeNull();
    expect(lastAnswerDocument([])).toBeNull();
  });
});
