import { describe, expect, it } from "vitest";
import { isDocumentStreamPart, reduceDocumentStream, type DocumentStreamPart } from "./document-stream";

const start: DocumentStreamPart = {
  type: "data-document-start",
  data: { id: "d1", title: "Ocean", kind: "text", action: "create" },
};

describe("reduceDocumentStream", () => {
  it("starts empty, appends deltas, and finishes with the version key", () => {
    let s = reduceDocumentStream(null, start);
    s = reduceDocumentStream(s, { type: "data-document-delta", data: { id: "d1", delta: "# Ocean\n" } });
    s = reduceDocumentStream(s, { type: "data-document-delta", data: { id: "d1", delta: "Waves." } });
    expect(s).toMatchObject({ content: "# Ocean\nWaves.", status: "streaming", createdAt: null });
    s = reduceDocumentStream(s, { type: "data-document-finish", data: { id: "d1", createdAt: "2026-01-01T00:00:00.000Z" } });
    expect(s).toMatchObject({ status: "done", createdAt: "2026-01-01T00:00:00.000Z", content: "# Ocean\nWaves." });
  });

  it("restarts content on a new start (an update streams the whole new version)", () => {
    let s = reduceDocumentStream(null, start);
    s = reduceDocumentStream(s, { type: "data-document-delta", data: { id: "d1", delta: "old" } });
    s = reduceDocumentStream(s, { type: "data-document-start", data: { ...start.data, action: "update" } });
    expect(s).toMatchObject({ content: "", action: "update", status: "streaming" });
  });

  it("ignores deltas and finishes of another document", () => {
    const s = reduceDocumentStream(null, start);
    expect(reduceDocumentStream(s, { type: "data-document-delta", data: { id: "other", delta: "x" } })).toBe(s);
    expect(reduceDocumentStream(null, { type: "data-document-delta", data: { id: "d1", delta: "x" } })).toBeNull();
  });

  it("recognises document parts only", () => {
    expect(isDocumentStreamPart({ type: "data-document-start", data: start.data })).toBe(true);
    expect(isDocumentStreamPart({ type: "data-chat-title", data: {} })).toBe(false);
    expect(isDocumentStreamPart({ type: "data-document-delta" })).toBe(false);
  });
});
