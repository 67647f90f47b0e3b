import { describe, expect, it } from "vitest";
import { highlightRuns, searchTerms, toPrefixTsquery } from "./search-query";

describe("history search query", () => {
  it("makes every word a required prefix, lower-cased and de-duplicated", () => {
    expect(toPrefixTsquery("Print  PRESS print")).toBe("print:* & press:*");
  });

  it("keeps tsquery syntax out: operators, quotes and colons are separators", () => {
    expect(toPrefixTsquery("a & !b | (c:*) 'd' <-> e")).toBe("a:* & b:* & c:* & d:* & e:*");
    expect(toPrefixTsquery("  !&|()  ")).toBeNull();
  });

  it("reads letters of any script and digits, and bounds the number and length of terms", () => {
    expect(searchTerms("Über café 2024 日本")).toEqual(["über", "café", "2024", "日本"]);
    expect(searchTerms("a b c d e f g h i j")).toHaveLength(8);
    expect(searchTerms("x".repeat(100))[0]).toHaveLength(40);
  });

  it("highlights words that start with a term, and nothing else", () => {
    expect(highlightRuns("The printing press, printed.", ["print"])).toEqual([
      { text: "The ", match: false },
      { text: "printing", match: true },
      { text: " press, ", match: false },
      { text: "printed", match: true },
      { text: ".", match: false },
    ]);
    expect(highlightRuns("Sprint", ["print"])).toEqual([{ text: "Sprint", match: false }]);
  });
});
