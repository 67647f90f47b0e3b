import { describe, expect, it } from "vitest";
import { blockDiff, markdownBlocks, wordChangeCounts } from "./block-diff";
import { wordDiff } from "./diff";

describe("markdownBlocks", () => {
  it("splits at blank lines but keeps a fenced code block with blank lines whole", () => {
    expect(markdownBlocks("# Title\n\nOne.\nStill one.\n\n```js\na();\n\nb();\n```\n\n- x\n- y\n")).toEqual([
      "# Title",
      "One.\nStill one.",
      "```js\na();\n\nb();\n```",
      "- x\n- y",
    ]);
  });
});

describe("blockDiff", () => {
  it("keeps unchanged blocks and shows a changed one as removed then added", () => {
    expect(blockDiff("# T\n\nOld words.\n\nEnd.", "# T\n\nNew words.\n\nEnd.\n\nMore.")).toEqual([
      { type: "same", text: "# T" },
      { type: "removed", text: "Old words." },
      { type: "added", text: "New words." },
      { type: "same", text: "End." },
      { type: "added", text: "More." },
    ]);
  });
});

describe("wordChangeCounts", () => {
  it("counts the words the highlight shows, not the lines they sit on", () => {
    const prev = "The sea is blue.\nWaves are loud.\nSalt everywhere.\nThe end.";
    const next = "The sea is green.\nWaves are loud.\nSalt everywhere.\nThe end.";
    expect(wordChangeCounts(wordDiff(prev, next))).toEqual({ added: 1, removed: 1 });
  });
});
