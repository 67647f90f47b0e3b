import { describe, expect, it } from "vitest";
import { readToolPart } from "./tool-parts";

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
