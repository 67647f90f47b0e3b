// Fuzz: 1,200 generated malformed files (truncated lines and files, wrong types, huge lines, invalid UTF-8,
// lone surrogates, random bytes, deep nesting, empty files…) in all three formats, each validated whole and
// in random chunks. None may crash; each must pass or say why; the report must hold together and be the same
// whatever the chunking.
import { describe, expect, it } from "vitest";
import { DATASET_RULES, type DatasetReport, type DatasetValidatorOptions } from "@/lib/datasets/types";
import { bytesOf, chatLine, conversationLine, encoder, mulberry32, validate } from "./helpers";

type Rnd = () => number;
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);

const TEXTS = ["hello", "What is 2+2?", "Ünïcödé 東京", "emoji 😀😀", "line\nbreak", 'quote " and , comma', "  ", ""];
const WRONG = [null, 0, 1.5, true, [], {}, "x", [1, 2], { a: 1 }, -1];
const BAD_BYTES = [
  [0xff],
  [0xc3],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80], // an encoded lone surrogate (CESU-8)
  [0xc0, 0xaf], // overlong "/"
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0x00],
];

function goodMessages(rnd: Rnd): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (rnd() < 0.5) out.push({ role: "system", content: pick(rnd, TEXTS.slice(0, 6)) });
  for (let i = 0, n = 1 + int(rnd, 3); i < n; i++) {
    out.push({ role: "user", content: `${pick(rnd, TEXTS.slice(0, 6))} ${i}` });
    out.push({ role: "assistant", content: `${pick(rnd, TEXTS.slice(0, 6))} ${int(rnd, 1000)}` });
  }
  return out;
}

/** A message list with one thing wrong (or, sometimes, nothing). */
function mutateMessages(rnd: Rnd, messages: Record<string, unknown>[]): unknown {
  const m = messages[int(rnd, messages.length)]!;
  switch (int(rnd, 10)) {
    case 0:
      m.role = pick(rnd, [...WRONG, "bot", "function", "ASSISTANT", ""]);
      break;
    case 1:
      m.content = pick(rnd, [...WRONG, "", "   "]);
      break;
    case 2:
      m.weight = pick(rnd, [...WRONG, 2, 0, 1, "1"]);
      break;
    case 3:
      m[pick(rnd, ["extra", "Role", "tool_calls", "tool_call_id", "name"])] = pick(rnd, WRONG);
      break;
    case 4:
      delete m[pick(rnd, ["role", "content"])];
      break;
    case 5:
      return pick(rnd, WRONG);
    case 6:
      return messages.filter((x) => x.role !== "assistant");
    case 7: {
      const list: unknown[] = [...messages];
      list.splice(int(rnd, list.length), 0, pick(rnd, WRONG));
      return list;
    }
    case 8:
      m.content = `${String(m.content)}\ud800`; // a lone surrogate, written as the \ud800 escape by JSON.stringify
      break;
    default:
      break;
  }
  return messages;
}

function jsonLines(rnd: Rnd, kind: "chat" | "conversation", n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (rnd() < 0.03) return JSON.stringify(pick(rnd, WRONG)); // valid JSON, not an object
    const messages = goodMessages(rnd);
    const list = rnd() < 0.3 ? mutateMessages(rnd, messages) : messages;
    if (kind === "conversation") {
      return rnd() < 0.1
        ? JSON.stringify({ turns: list })
        : conversationLine(rnd() < 0.1 ? pick(rnd, WRONG) : `c${i}`, list);
    }
    return rnd() < 0.05
      ? JSON.stringify({ messages: list, [pick(rnd, ["prompt", "completion", "tools"])]: pick(rnd, WRONG) })
      : chatLine(list);
  });
}

function csvLines(rnd: Rnd, n: number): string[] {
  const header = pick(rnd, [
    "input,output",
    "input,output,system",
    "Input;Output",
    "prompt,completion",
    "input",
    "output,input,id",
  ]);
  const rows = Array.from({ length: n }, () => {
    const cell = () => {
      const t = pick(rnd, TEXTS);
      return rnd() < 0.5 ? `"${t.replaceAll('"', '""')}"` : t.replaceAll(/[",\n]/g, " ");
    };
    const cells = Array.from({ length: rnd() < 0.9 ? 2 : int(rnd, 4) }, cell);
    if (rnd() < 0.05) cells[0] = `"${cells[0]}`; // an unclosed quote
    if (rnd() < 0.05) cells[0] = `"x"y${cells[0]}`; // text after a closing quote
    return cells.join(header.includes(";") ? ";" : ",");
  });
  return [header, ...rows];
}

/** Byte-level damage to a whole file. */
function damage(rnd: Rnd, bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes];
  switch (int(rnd, 8)) {
    case 0: // truncate the file anywhere, even inside a character
      return bytes.subarray(0, int(rnd, bytes.length + 1));
    case 1: {
      // invalid UTF-8 bytes at random places
      const out = Array.from(bytes);
      for (let i = 0, n = 1 + int(rnd, 3); i < n; i++) out.splice(int(rnd, out.length + 1), 0, ...pick(rnd, BAD_BYTES));
      return Uint8Array.from(out);
    }
    case 2: // a huge line (over the 4 KiB limit these runs use)
      parts.push(encoder.encode(`\n${chatLine([{ role: "user", content: "x".repeat(4096 + int(rnd, 20000)) }])}\n`));
      break;
    case 3: // random bytes
      parts.push(Uint8Array.from({ length: 1 + int(rnd, 300) }, () => int(rnd, 256)));
      break;
    case 4: // a truncated JSON line in the middle
      parts.unshift(encoder.encode(`${chatLine([{ role: "user", content: "cut" }]).slice(0, 1 + int(rnd, 30))}\n`));
      break;
    case 5: {
      // nesting where tool JSON gets re-serialised (the stack-deep case has its own test in chat-rules)
      const depth = int(rnd, 1900);
      parts.push(
        encoder.encode(
          `\n{"messages":[{"role":"assistant","tool_calls":[{"a":${"[".repeat(depth)}${"]".repeat(depth)}}]}]}\n`,
        ),
      );
      break;
    }
    case 6: // CR-only and mixed line ends
      return Uint8Array.from(Array.from(bytes).map((b) => (b === 0x0a && rnd() < 0.3 ? 0x0d : b)));
    default:
      break;
  }
  return bytesOf(parts);
}

function generate(seed: number): { bytes: Uint8Array; options: DatasetValidatorOptions; kind: string } {
  const rnd = mulberry32(seed);
  const options: DatasetValidatorOptions = {
    maxLineBytes: 4096,
    maxIssues: pick(rnd, [0, 1, 5, 100]),
    contextLength: rnd() < 0.3 ? 20 + int(rnd, 200) : undefined,
    validationSplit: rnd() < 0.5 ? rnd() * 0.6 : undefined,
    tokenCounting: pick(rnd, ["sampled", "exact", "off"] as const),
    fileName: pick(rnd, [undefined, "train.jsonl", "data.csv", "x.txt"]),
  };
  const kind = pick(rnd, ["chat", "conversation", "csv", "random", "empty"] as const);
  if (kind === "empty") {
    return { bytes: bytesOf(pick(rnd, ["", "\n", "\r\n\r\n", "\ufeff", "   \n\t\n"])), options, kind };
  }
  if (kind === "random") {
    return { bytes: Uint8Array.from({ length: int(rnd, 2000) }, () => int(rnd, 256)), options, kind };
  }
  const n = int(rnd, 25);
  const lines = kind === "csv" ? csvLines(rnd, n) : jsonLines(rnd, kind, n);
  const eol = rnd() < 0.2 ? "\r\n" : "\n";
  let bytes = bytesOf([rnd() < 0.1 ? "\ufeff" : "", lines.join(eol), rnd() < 0.8 ? eol : ""]);
  for (let i = 0, d = int(rnd, 3); i < d; i++) bytes = damage(rnd, bytes);
  return { bytes, options, kind };
}

function checkInvariants(report: DatasetReport, options: DatasetValidatorOptions) {
  const max = options.maxIssues ?? 100;
  expect(report.ok).toBe(report.totalErrors === 0);
  expect(report.errors.length).toBe(Math.min(report.totalErrors, max));
  expect(report.warnings.length).toBe(Math.min(report.totalWarnings, max));
  const sum = (counts: Record<string, number | undefined>) =>
    Object.values(counts).reduce((a: number, b) => a + (b ?? 0), 0);
  expect(sum(report.errorCounts)).toBe(report.totalErrors);
  expect(sum(report.warningCounts)).toBe(report.totalWarnings);
  for (const issue of [...report.errors, ...report.warnings]) {
    expect(DATASET_RULES).toContain(issue.rule);
    expect(issue.message.length).toBeGreaterThan(8);
    expect(issue.message.length).toBeLessThan(300);
    expect(issue.line).toBeGreaterThanOrEqual(0);
    expect(issue.line).toBeLessThanOrEqual(report.stats.lines);
  }
  const lines = report.errors.map((e) => e.line).filter((l) => l > 0);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
  if (report.format === null) expect(report.ok).toBe(false);
  if (report.ok) expect(report.stats.examples).toBeGreaterThanOrEqual(10);
  const { stats } = report;
  expect(stats.trainExamples + stats.validationExamples).toBe(stats.examples);
  expect(stats.duplicates).toBeLessThanOrEqual(stats.examples);
  expect(report.preview.length).toBe(Math.min(3, stats.examples));
  if (options.tokenCounting !== "off" && stats.examples > 0) {
    expect(stats.histogram.reduce((n, b) => n + b.count, 0)).toBe(stats.examples);
    expect(stats.totalTokens).toBeGreaterThan(0);
  }
  expect(JSON.parse(JSON.stringify(report))).toEqual(report);
}

describe("fuzz: malformed files", () => {
  const FILES = 1200;
  it(`${FILES} generated files: no crash, a clear error or a pass, the same report whatever the chunking`, () => {
    const rules = new Set<string>();
    const kinds = new Map<string, { files: number; failed: number }>();
    let failed = 0;
    for (let seed = 1; seed <= FILES; seed++) {
      const { bytes, options, kind } = generate(seed);
      let report: DatasetReport;
      try {
        report = validate(bytes, options);
      } catch (error) {
        throw new Error(`seed ${seed} (${kind}) crashed the validator: ${String(error)}`);
      }
      checkInvariants(report, options);
      const rnd = mulberry32(seed * 7919);
      const sizes = Array.from({ length: 16 }, () => 1 + Math.floor(rnd() ** 3 * 300));
      expect(validate(bytes, options, sizes), `seed ${seed}: chunked differs`).toEqual(report);
      for (const rule of Object.keys(report.errorCounts)) rules.add(rule);
      const k = kinds.get(kind) ?? { files: 0, failed: 0 };
      k.files++;
      if (!report.ok) {
        k.failed++;
        failed++;
      }
      kinds.set(kind, k);
    }
    // The corpus is mostly broken, and broken in every way the rules cover: otherwise this test proves little.
    expect(failed / FILES).toBeGreaterThan(0.9);
    for (const rule of DATASET_RULES.filter((r) => r !== "context-length" && r !== "duplicate"))
      expect(rules).toContain(rule);
    expect(rules).toContain("context-length");
    for (const [kind, k] of kinds) expect(k.files, kind).toBeGreaterThan(100);
  });
});
