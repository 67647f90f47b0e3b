import { describe, expect, it } from "vitest";
import { collapseUnchanged, lineDiff, summarizeDiff, wordDiff } from "./diff";

describe("lineDiff", () => {
  it("numbers old and new lines and marks changes", () => {
    expect(lineDiff("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual([
      { type: "same", text: "a", oldNo: 1, newNo: 1 },
      { type: "removed", text: "b", oldNo: 2, newNo: null },
      { type: "added", text: "B", oldNo: null, newNo: 2 },
      { type: "same", text: "c", oldNo: 3, newNo: 3 },
      { type: "added", text: "d", oldNo: null, newNo: 4 },
    ]);
  });

  it("is all unchanged for equal texts", () => {
    expect(lineDiff("x\ny", "x\ny").every((l) => l.type === "same")).toBe(true);
  });
});

describe("collapseUnchanged", () => {
  it("folds unchanged runs outside the context window", () => {
    const prev = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    const next = prev.replace("line 10", "line ten");
    const folded = collapseUnchanged(lineDiff(prev, next), 2);
    expect(folded[0]).toEqual({ type: "skip", count: 7 });
    expect(folded.filter((l) => l.type === "removed" || l.type === "added")).toHaveLength(2);
    expect(folded.at(-1)).toEqual({ type: "skip", count: 8 });
  });
});

describe("wordDiff", () => {
  it("marks replaced words and keeps whitespace", () => {
    const segs = wordDiff("The quick fox", "The slow fox");
    expect(segs.filter((s) => s.type !== "added").map((s) => s.text).join("")).toBe("The quick fox");
    expect(segs.filter((s) => s.type !== "removed").map((s) => s.text).join("")).toBe("The slow fox");
    expect(segs.filter((s) => s.type === "removed").map((s) => s.text)).toEqual(["quick"]);
    expect(segs.filter((s) => s.type === "added").map((s) => s.text)).toEqual(["slow"]);
  });
});

describe("summarizeDiff", () => {
  it("counts added and removed lines", () => {
    expect(summarizeDiff("a\nb", "a\nc\nd")).toEqual({ added: 2, removed: 1, label: "+2 −1 lines" });
    expect(summarizeDiff("a", "a").label).toBe("No changes");
    expect(summarizeDiff("a", "a\nb").label).toBe("+1 −0 line");
  });
});
