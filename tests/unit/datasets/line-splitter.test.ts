import { describe, expect, it } from "vitest";
import { LineSplitter } from "@/lib/datasets/line-splitter";
import { bytesOf } from "./helpers";

function split(input: Uint8Array, max: number, chunk: number) {
  const out: (string | [number, number])[] = [];
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const s = new LineSplitter(max, {
    line: (bytes, n) => out.push(`${n}:${decoder.decode(bytes)}`),
    tooLong: (n, bytes) => out.push([n, bytes]),
  });
  for (let i = 0; i < input.length; i += chunk) s.push(input.subarray(i, i + chunk));
  s.end();
  return { out, lines: s.lines, bytes: s.bytes };
}

describe("LineSplitter", () => {
  it("cuts on LF, drops one trailing CR and the BOM of line 1 only, keeps a last line without LF", () => {
    const input = bytesOf("\ufeffa\r\n\ufeffb\r\r\n\nlast");
    for (const chunk of [1, 2, 3, 5, 100]) {
      expect(split(input, 100, chunk)).toEqual({
        out: ["1:a", "2:\ufeffb\r", "3:", "4:last"],
        lines: 4,
        bytes: input.length,
      });
    }
  });

  it("reports lines over the limit with their length, never holding them", () => {
    const input = bytesOf(`ok\n${"x".repeat(50)}\nfine\n${"y".repeat(11)}`);
    for (const chunk of [1, 4, 7, 64]) {
      expect(split(input, 10, chunk).out).toEqual(["1:ok", [2, 50], "3:fine", [4, 11]]);
    }
    // Exactly the limit fits, with or without a CR after it.
    expect(split(bytesOf(`${"z".repeat(10)}\r\n${"z".repeat(10)}`), 10, 3).out).toEqual([
      `1:${"z".repeat(10)}`,
      `2:${"z".repeat(10)}`,
    ]);
  });

  it("emits nothing for an empty input and one line for a lone newline", () => {
    expect(split(new Uint8Array(0), 10, 1)).toEqual({ out: [], lines: 0, bytes: 0 });
    expect(split(bytesOf("\n"), 10, 1).out).toEqual(["1:"]);
  });
});
