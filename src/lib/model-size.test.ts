import { describe, expect, it } from "vitest";
import { formatContextWindow, formatPricePerMillion, sizeBucket } from "./model-size";

describe("sizeBucket", () => {
  it.each([
    [null, "undisclosed"],
    ["", "undisclosed"],
    ["0.137", "small"],
    ["8.03", "small"],
    [10, "medium"],
    ["70.6", "medium"],
    [80, "large"],
    ["671", "large"],
  ] as const)("%s → %s", (input, bucket) => {
    expect(sizeBucket(input)).toBe(bucket);
  });
});

describe("formatContextWindow", () => {
  it.each([
    [131072, "128K"],
    [128000, "128K"],
    [200000, "200K"],
    [32768, "32K"],
    [8191, "8K"],
    [1_000_000, "1M"],
  ])("%d → %s", (tokens, label) => {
    expect(formatContextWindow(tokens)).toBe(label);
  });
});

describe("formatPricePerMillion", () => {
  it("formats list prices and marks free output", () => {
    expect(formatPricePerMillion("0.1800")).toBe("$0.18");
    expect(formatPricePerMillion("10.0000")).toBe("$10.00");
    expect(formatPricePerMillion("0.0080")).toBe("$0.008");
    expect(formatPricePerMillion("0")).toBe("—");
  });
});
