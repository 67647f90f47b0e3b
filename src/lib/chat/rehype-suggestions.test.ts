import type { Root } from "hast";
import { describe, expect, it } from "vitest";
import { rehypeSuggestions } from "./rehype-suggestions";

function tree(): Root {
  return {
    type: "root",
    children: [
      { type: "element", tagName: "h1", properties: {}, children: [{ type: "text", value: "The Ocean" }] },
      {
        type: "element",
        tagName: "p",
        properties: {},
        children: [
          { type: "text", value: "The ocean is very big and very deep. " },
          { type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: "very big" }] },
        ],
      },
    ],
  };
}

describe("rehypeSuggestions", () => {
  it("wraps the first occurrence of each target outside code in a mark", () => {
    const t = tree();
    const placed = new Set<string>();
    rehypeSuggestions(
      [
        { id: "s1", originalText: "very big" },
        { id: "s2", originalText: "very deep" },
        { id: "s3", originalText: "missing" },
      ],
      placed,
    )()(t);
    const p = t.children[1];
    expect(p && p.type === "element" ? p.children : null).toEqual([
      { type: "text", value: "The ocean is " },
      { type: "element", tagName: "mark", properties: { dataSuggestionId: "s1" }, children: [{ type: "text", value: "very big" }] },
      { type: "text", value: " and " },
      { type: "element", tagName: "mark", properties: { dataSuggestionId: "s2" }, children: [{ type: "text", value: "very deep" }] },
      { type: "text", value: ". " },
      { type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: "very big" }] },
    ]);
    expect([...placed].sort()).toEqual(["s1", "s2"]);
  });

  it("marks again on every run of the same plugin (React may render twice)", () => {
    const plugin = rehypeSuggestions([{ id: "s1", originalText: "very big" }]);
    const first = tree();
    const second = tree();
    plugin()(first);
    plugin()(second);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toContain("s1");
  });

  it("leaves the tree unchanged without targets", () => {
    const t = tree();
    rehypeSuggestions([])()(t);
    expect(t).toEqual(tree());
  });
});
