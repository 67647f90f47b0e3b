// The report depends on the bytes, never on where the stream was cut: multi-byte characters, CRLF pairs,
// the BOM, quoted CSV records and over-long lines all straddle chunk boundaries here.
import { describe, expect, it } from "vitest";
import { bot, bytesOf, chatLine, conversationLine, file, mulberry32, user, validate, validChatLines } from "./helpers";

const FILES: [string, Uint8Array][] = [
  [
    "chat with multi-byte text, CRLF, a BOM and errors",
    bytesOf([
      "\ufeff",
      file(
        [
          ...validChatLines(6),
          chatLine([user("Ünïcödé 東京 😀 — «quotes»"), bot("ok")]),
          "{broken",
          chatLine([user("a"), bot("b", { weight: 0.5 })]),
          "",
          ...validChatLines(4, "z"),
          chatLine([user("q 1?"), bot("Answer 1.")]).replace("q 1?", "q 1?"),
        ],
        "\r\n",
      ),
      new Uint8Array([0xe6, 0x9d]),
      "\n",
    ]),
  ],
  [
    "conversation lines with an invalid UTF-8 byte mid-character",
    bytesOf([
      file(Array.from({ length: 11 }, (_, i) => conversationLine(i, [user(`Frage ${i} — größer?`), bot("Ja 😀")]))),
      '{"conversation_id":"x","turns":[{"role":"user","content":"',
      new Uint8Array([0xf0, 0x9f, 0x98]),
      '"}]}\n',
    ]),
  ],
  [
    "csv with quoted multi-line records and CRLF",
    bytesOf(
      [
        "input,output",
        '"first\r\nmulti-line ""quoted"" 東京","out, with comma"',
        ...Array.from({ length: 10 }, (_, i) => `q${i},a${i} ☕`),
        '"unclosed,x',
        "tail",
      ].join("\r\n"),
    ),
  ],
  [
    "a line over the limit",
    bytesOf(file([...validChatLines(5), chatLine([user("é".repeat(3000)), bot("b")]), ...validChatLines(6, "y")])),
  ],
];

function chunkings(length: number, seed: number): number[][] {
  const rnd = mulberry32(seed);
  const random = Array.from({ length: 64 }, () => 1 + Math.floor(rnd() * 97));
  return [[1], [2], [3], [7], [64], [4096], random, [length]];
}

describe("chunk-boundary independence", () => {
  for (const [name, bytes] of FILES) {
    it(name, () => {
      const options = { maxLineBytes: 4096, contextLength: 50, validationSplit: 0.25, tokenCounting: "exact" as const };
      const whole = validate(bytes, options);
      expect(whole.totalErrors + whole.totalWarnings).toBeGreaterThan(0);
      for (const sizes of chunkings(bytes.length, bytes.length)) {
        expect(validate(bytes, options, sizes)).toEqual(whole);
      }
    });
  }
});
