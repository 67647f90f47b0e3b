import { describe, expect, it } from "vitest";
import { compactNumber, formatDuration, nameFromFile, plural, sortedCounts } from "./text";

describe("plural", () => {
  it("picks the form from the count and groups thousands", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(1200, "entry", "entries")).toBe("1,200 entries");
  });
});

describe("compactNumber", () => {
  it("shortens large counts", () => {
    expect(compactNumber(950)).toBe("950");
    expect(compactNumber(12_345)).toBe("12.3K");
    expect(compactNumber(1_250_000)).toBe("1.3M");
  });
});

describe("sortedCounts", () => {
  it("drops zero counts and orders by count, then rule", () => {
    expect(sortedCounts({ json: 3, role: 7, content: 3, weight: 0 })).toEqual([
      ["role", 7],
      ["content", 3],
      ["json", 3],
    ]);
  });
});

describe("nameFromFile", () => {
  it("drops a dataset extension only", () => {
    expect(nameFromFile("support-chats.jsonl")).toBe("support-chats");
    expect(nameFromFile("pairs.CSV")).toBe("pairs");
    expect(nameFromFile("notes.v2.jsonl")).toBe("notes.v2");
    expect(nameFromFile(".jsonl")).toBe(".jsonl");
  });
});

describe("formatDuration", () => {
  it.each([
    [0.4, "1 ms"],
    [42, "42 ms"],
    [1340, "1.3 s"],
    [12_400, "12 s"],
    [125_000, "2 min 5 s"],
  ])("%d ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});
