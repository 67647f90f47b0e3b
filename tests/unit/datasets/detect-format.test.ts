// The format comes from the content; the file name only settles text that could be either.
import { describe, expect, it } from "vitest";
import { detectFormat } from "@/lib/datasets/detect-format";
import { bytesOf, encoder, validate, validChatLines } from "./helpers";

describe("format detection", () => {
  it("tells chat, conversation and CSV apart from the first line with text", () => {
    expect(detectFormat('{"messages": []}')?.format).toBe("openai-chat");
    expect(detectFormat('  {"turns": [], "conversation_id": 1}')?.format).toBe("conversation");
    expect(detectFormat('{"prompt": "x"}')?.format).toBe("openai-chat");
    expect(detectFormat("input,output")?.format).toBe("csv");
    expect(detectFormat("input\toutput")?.format).toBe("csv");
  });

  it("lets content win over the file name, and the name settle the rest", () => {
    expect(detectFormat('{"messages": []}', "data.csv")?.format).toBe("openai-chat");
    expect(detectFormat("hello", "data.csv")?.format).toBe("csv");
    expect(detectFormat("hello", "data.jsonl")?.format).toBe("openai-chat");
    expect(detectFormat("hello")).toBeNull();
  });

  it("looks past first lines that do not tell, and replays them under the format found", () => {
    const report = validate(`bad\nworse\n${validChatLines(10).join("\n")}\n`);
    expect(report.format).toBe("openai-chat");
    expect(report.errors.map((e) => [e.line, e.rule])).toEqual([
      [1, "json"],
      [2, "json"],
    ]);
    const csv = validate("just words\ninput,output\na,b\n");
    expect(csv.format).toBe("csv");
    expect(csv.errors[0]).toMatchObject({ line: 1, rule: "csv-header" });
  });

  it("gives up on lines that never tell", () => {
    const report = validate(
      `${Array.from({ length: 40 }, (_, i) => `word${i}`).join("\n")}\n${validChatLines(10).join("\n")}`,
    );
    expect(report.format).toBeNull();
    expect(report.errors).toEqual([{ line: 0, rule: "format", message: expect.stringMatching(/Unrecognised format/) }]);
  });

  it("explains a JSON array file", () => {
    const report = validate(`[\n${validChatLines(10).join(",\n")}\n]\n`);
    expect(report.format).toBeNull();
    expect(report.errors).toEqual([
      { line: 0, rule: "format", message: expect.stringMatching(/JSON array.*JSON Lines/) },
    ]);
  });

  it("says what a UTF-16, gzip or ZIP file is instead of listing its lines", () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(encoder.encode('{"messages":[]}\n')).flatMap((b) => [b, 0]),
    ]);
    const cases: [Uint8Array, RegExp][] = [
      [utf16, /UTF-16.*UTF-8/],
      [new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x0a, 0x41]), /gzip/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00]), /ZIP/],
    ];
    for (const [bytes, message] of cases) {
      const report = validate(bytes);
      expect(report.format).toBeNull();
      expect(report.errors).toEqual([{ line: 0, rule: "format", message: expect.stringMatching(message) }]);
    }
  });

  it("names an empty or blank file", () => {
    for (const text of ["", "\n\n  \n", "\ufeff"]) {
      const report = validate(text);
      expect(report.format).toBeNull();
      expect(report.errors).toEqual([{ line: 0, rule: "empty-file", message: "The file is empty (no line has text)" }]);
    }
  });

  it("names an unrecognised format, plus the lines that are not UTF-8", () => {
    const report = validate(bytesOf([new Uint8Array([0x41, 0xff, 0x00, 0x41]), "\nplain words\n"]));
    expect(report.format).toBeNull();
    expect(report.errors.map((e) => [e.line, e.rule])).toEqual([
      [0, "format"],
      [1, "encoding"],
    ]);
  });
});
