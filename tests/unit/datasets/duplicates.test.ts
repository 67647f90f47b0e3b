import { describe, expect, it } from "vitest";
import { DuplicateIndex, Fingerprint } from "@/lib/datasets/duplicates";
import type { Example, ExampleMessage } from "@/lib/datasets/example";
import { bot, chatLine, file, sys, user, validate, validChatLines } from "./helpers";

const example = (messages: ExampleMessage[], extras: string[] = []): Example => ({
  line: 1,
  messages,
  extras,
  bytes: 0,
  tokenBound: 0,
});
const print = (e: Example) => {
  const f = new Fingerprint().of(e);
  return [f.a, f.b];
};

describe("duplicates", () => {
  it("are counted and each repeat names the first line", () => {
    const lines = validChatLines(10);
    const report = validate(file([...lines, lines[2]!, lines[2]!, lines[7]!]));
    expect(report.ok).toBe(true);
    expect(report.stats.duplicates).toBe(3);
    expect(report.warnings.map((w) => [w.line, w.message])).toEqual([
      [11, "Repeats the example on line 3"],
      [12, "Repeats the example on line 3"],
      [13, "Repeats the example on line 8"],
    ]);
  });

  it("ignore key order and spacing but not roles, weights, names or text", () => {
    const a = '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"yo"}]}';
    const b = '{ "messages" : [ {"content":"hi", "role":"user"}, {"content":"yo","role":"assistant"} ] }';
    expect(validate(file([...validChatLines(9), a, b])).stats.duplicates).toBe(1);
    const base = [user("hi"), bot("yo")];
    const variants = [
      [sys("hi"), bot("yo")],
      [user("hi"), bot("yo", { weight: 0 })],
      [user("hi"), bot("yo", { name: "x" })],
      [user("hi "), bot("yo")],
      [user("h"), bot("iyo")],
    ];
    const report = validate(file([...validChatLines(9), chatLine(base), ...variants.map((v) => chatLine(v))]));
    expect(report.stats.duplicates).toBe(0);
  });

  it("fingerprints separate texts that concatenate the same", () => {
    expect(
      print(
        example([
          { role: "user", content: "ab" },
          { role: "assistant", content: "c" },
        ]),
      ),
    ).not.toEqual(
      print(
        example([
          { role: "user", content: "a" },
          { role: "assistant", content: "bc" },
        ]),
      ),
    );
    expect(print(example([{ role: "user", content: "x" }], ["[1]"]))).not.toEqual(
      print(example([{ role: "user", content: "x" }], ["[2]"])),
    );
    const same = example([{ role: "user", content: "€ 東京 😀".repeat(50) }]);
    expect(print(same)).toEqual(print({ ...same, line: 9 }));
  });

  it("keep every fingerprint and its first line as the index grows", () => {
    const index = new DuplicateIndex();
    const f = new Fingerprint();
    const fingerprints: [number, number][] = [];
    for (let i = 0; i < 100_000; i++) {
      f.of(example([{ role: "user", content: `example ${i}` }]));
      fingerprints.push([f.a, f.b]);
      expect(index.seen(f.a, f.b, i + 1)).toBe(0);
    }
    for (let i = 0; i < fingerprints.length; i += 997) {
      const [a, b] = fingerprints[i]!;
      expect(index.seen(a, b, 999_999)).toBe(i + 1);
    }
    expect(index.saturated).toBe(false);
  });
});
