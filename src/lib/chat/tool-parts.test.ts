import { describe, expect, it } from "vitest";
import { lastAnswerDocument, readToolPart } from "./tool-parts";

describe("readToolPart", () => {
  it("ignores parts that are not document tools", () => {
    expect(readToolPart({ type: "text", text: "hi" })).toBeNull();
    expect(readToolPart({ type: "tool-weather", state: "output-available" })).toBeNull();
  });

  it("shows a running createDocument with the requested title", () => {
    expect(
      readToolPart({ type: "tool-createDocument", toolCallId: "c1", state: "input-available", input: { title: "Ocean", kind: "text" } }),
    ).toMatchObject({ tool: "createDocument", state: "running", inputLabel: "Ocean", document: null });
  });

  it("reads a finished create/update output as a document reference", () => {
    const v = readToolPart({
      type: "tool-updateDocument",
      toolCallId: "c2",
      state: "output-available",
      input: { id: "d1", description: "Make it shorter" },
      output: { id: "d1", title: "Ocean", kind: "text" },
    });
    expect(v).toMatchObject({ state: "done", document: { id: "d1", title: "Ocean", kind: "text" }, documentId: "d1" });
  });

  it("reads suggestions counts and errors", () => {
    expect(
      readToolPart({ type: "tool-requestSuggestions", toolCallId: "c3", state: "output-available", input: { documentId: "d1" }, output: { documentId: "d1", count: 3 } }),
    ).toMatchObject({ state: "done", documentId: "d1", suggestionCount: 3 });
    expect(
      readToolPart({ type: "tool-readDocument", toolCallId: "c4", state: "output-error", input: { id: "dx" }, errorText: "Document not found" }),
    ).toMatchObject({ state: "error", errorText: "Document not found", documentId: "dx" });
  });

  it("rejects an output with an unknown kind", () => {
    expect(
      readToolPart({ type: "tool-createDocument", toolCallId: "c5", state: "output-available", input: {}, output: { id: "d", title: "t", kind: "video" } })?.document,
    ).toBeNull();
  });
});

describe("lastAnswerDocument", () => {
  const doc = { id: "11111111-1111-4111-8111-111111111111", title: "Tea", kind: "text" };
  const wrote = (tool: string, output: unknown = doc) => ({ type: `tool-${tool}`, toolCallId: "c", state: "output-available", input: {}, output });
  const user = { role: "user", parts: [{ type: "text", text: "hi" }] };

  it("is the document the last answer created or updated (its latest such call)", () => {
    const other = { ...doc, id: "22222222-2222-4222-8222-222222222222", title: "Coffee" };
    expect(lastAnswerDocument([user, { role: "assistant", parts: [wrote("createDocument"), { type: "text", text: "Done." }] }])).toEqual(doc);
    expect(lastAnswerDocument([user, { role: "assistant", parts: [wrote("createDocument"), wrote("updateDocument", other)] }])).toEqual(other);
  });

  it("is null when the last answer wrote nothing, only read, failed, or is not the last message", () => {
    expect(lastAnswerDocument([user, { role: "assistant", parts: [{ type: "text", text: "Hello" }] }])).toBeNull();
    expect(lastAnswerDocument([user, { role: "assistant", parts: [wrote("readDocument")] }])).toBeNull();
    expect(lastAnswerDocument([user, { role: "assistant", parts: [{ ...wrote("createDocument"), state: "output-error", output: undefined }] }])).toBeNull();
    expect(lastAnswerDocument([{ role: "assistant", parts: [wrote("createDocument")] }, user])).toBeNull();
    expect(lastAnswerDocument([])).toBeNull();
  });
});
