import { describe, expect, it } from "vitest";
import { applySuggestionText, segmentBySuggestions } from "./suggestions";

describe("applySuggestionText", () => {
  it("replaces the first occurrence only", () => {
    expect(applySuggestionText("big cat, big dog", { originalText: "big", suggestedText: "small" })).toBe("small cat, big dog");
  });
  it("returns null when the target text is gone", () => {
    expect(applySuggestionText("hello", { originalText: "bye", suggestedText: "x" })).toBeNull();
    expect(applySuggestionText("hello", { originalText: "", suggestedText: "x" })).toBeNull();
  });
});

describe("segmentBySuggestions", () => {
  const s = (id: string, originalText: string) => ({ id, originalText, suggestedText: "" });

  it("marks each suggestion's target in text order", () => {
    const { segments, unmatched } = segmentBySuggestions("The ocean is big and blue.", [s("2", "blue"), s("1", "ocean")]);
    expect(segments).toEqual([
      { text: "The " },
      { text: "ocean", suggestionId: "1" },
      { text: " is big and " },
      { text: "blue", suggestionId: "2" },
      { text: "." },
    ]);
    expect(unmatched).toEqual([]);
  });

  it("reports suggestions whose text is not found and never overlaps targets", () => {
    const { segments, unmatched } = segmentBySuggestions("aaa bbb aaa", [s("1", "aaa bbb"), s("2", "bbb"), s("3", "aaa"), s("4", "zzz")]);
    expect(segments).toEqual([
      { text: "aaa bbb", suggestionId: "1" },
      { text: " " },
      { text: "aaa", suggestionId: "3" },
    ]);
    expect(unmatched.map((u) => u.id)).toEqual(["2", "4"]);
  });

  it("returns the whole text as one segment without suggestions", () => {
    expect(segmentBySuggestions("plain", []).segments).toEqual([{ text: "plain" }]);
  });
});
