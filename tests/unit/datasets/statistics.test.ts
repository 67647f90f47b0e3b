// Statistics: exact token counts with o200k_base, the histogram and percentiles, turns, roles, the split,
// the preview, and the sampled mode's estimates.
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { type Example, type ExampleMessage, lengthTokenBound } from "@/lib/datasets/example";
import { LinearFit } from "@/lib/datasets/linear-fit";
import { isValidationExample } from "@/lib/datasets/split";
import { TokenHistogram } from "@/lib/datasets/token-histogram";
import { DENSE_EVERY, EXACT_HEAD_BYTES, MIN_SAMPLES, SAMPLE_EVERY } from "@/lib/datasets/token-stats";
import { countExampleTokens, countTextTokens, TOKENIZER } from "@/lib/datasets/tokens";
import { bot, chatLine, encoder, file, mulberry32, sys, user, validate, validChatLines } from "./helpers";

const example = (messages: ExampleMessage[]): Example => ({ line: 1, messages, extras: [], bytes: 0, tokenBound: 0 });

const words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu café 東京 😀 naïve 1234".split(" ");
function randomText(rnd: () => number, n: number): string {
  return Array.from({ length: n }, () => `${words[Math.floor(rnd() * words.length)]}${rnd() < 0.1 ? "\n" : " "}`).join(
    "",
  );
}

describe("token counts", () => {
  it("follow OpenAI's chat recipe over o200k_base: 3 per message + role + content, 3 to prime the reply", () => {
    for (const role of ["system", "user", "assistant", "tool"]) expect(countTokens(role)).toBe(1);
    const messages: ExampleMessage[] = [
      { role: "system", content: "You are terse." },
      { role: "user", content: "What is 2+2?" },
      { role: "assistant", content: "4", name: "calc" },
    ];
    const expected = 3 + 3 * 3 + 3 + messages.reduce((n, m) => n + countTokens(m.content), 0) + 1 + countTokens("calc");
    expect(countExampleTokens(example(messages))).toBe(expected);
    const report = validate(file([chatLine(messages), ...validChatLines(9)]), { tokenCounting: "exact" });
    expect(report.stats.tokenizer).toBe(TOKENIZER);
    expect(report.stats.tokensPerExample.max).toBe(expected);
  });

  it("count special-token text as ordinary text instead of throwing", () => {
    expect(countTextTokens("a <|endoftext|> b")).toBeGreaterThan(3);
    const report = validate(file([chatLine([user("<|endoftext|>"), bot("<|im_start|>")]), ...validChatLines(9)]));
    expect(report.ok).toBe(true);
  });

  it("never exceed the free bounds the context rule relies on (line bytes; 3 × string length)", () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 300; i++) {
      const messages: ExampleMessage[] = [
        { role: "user", content: randomText(rnd, 1 + Math.floor(rnd() * 60)) },
        { role: "assistant", content: randomText(rnd, 1 + Math.floor(rnd() * 60)) },
      ];
      const exact = countExampleTokens(example(messages));
      expect(exact).toBeLessThanOrEqual(new TextEncoder().encode(chatLine(messages)).length);
      expect(exact).toBeLessThanOrEqual(lengthTokenBound(messages, []));
    }
  });

  it("flag examples over the context length with their line, exactly, in every counting mode", () => {
    const long = chatLine([user("word ".repeat(300)), bot("ok")]);
    const lines = [...validChatLines(5), long, ...validChatLines(5, "z")];
    const tokens = validate(file([long]), { tokenCounting: "exact" }).stats.totalTokens;
    for (const tokenCounting of ["exact", "sampled", "off"] as const) {
      const over = validate(file(lines), { contextLength: tokens - 1, tokenCounting });
      expect(over.errors).toEqual([
        {
          line: 6,
          rule: "context-length",
          message: `The example is ${tokens} tokens, over the ${tokens - 1}-token context`,
        },
      ]);
      expect(validate(file(lines), { contextLength: tokens, tokenCounting }).ok).toBe(true);
    }
  });
});

describe("token histogram", () => {
  it("is exact below 256 tokens and within 1% above, for percentiles and totals", () => {
    const rnd = mulberry32(3);
    const h = new TokenHistogram();
    const values = Array.from({ length: 5000 }, () => Math.floor(rnd() ** 3 * 20000));
    for (const v of values) h.add(v);
    const sorted = [...values].sort((a, b) => a - b);
    for (const p of [1, 10, 50, 90, 99]) {
      const exact = sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
      const got = h.percentile(p);
      if (exact < 256) expect(got).toBe(exact);
      else expect(Math.abs(got - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.total).toBe(values.reduce((a, b) => a + b, 0));
    expect(h.min).toBe(sorted[0]);
    expect(h.max).toBe(sorted.at(-1));
    const bins = h.display();
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
    expect(bins.length).toBeLessThanOrEqual(21);
    expect(bins[0]!.from).toBeLessThanOrEqual(h.min);
    expect(bins.at(-1)!.to).toBeGreaterThan(h.max);
    for (let i = 1; i < bins.length; i++) expect(bins[i]!.from).toBe(bins[i - 1]!.to);
  });
});

describe("statistics", () => {
  it("count examples, turns (messages but the system prompt) and roles over valid examples only", () => {
    const lines = [
      chatLine([sys("s"), user("a"), bot("b")]),
      chatLine([user("a"), bot("b"), user("c"), bot("d", { weight: 1 })]),
      "broken",
      ...validChatLines(8),
    ];
    const { stats } = validate(file(lines));
    expect(stats.examples).toBe(10);
    expect(stats.lines).toBe(11);
    expect(stats.turnsPerExample).toEqual({ min: 2, max: 4, mean: 2.2 });
    expect(stats.roles).toEqual({ system: 9, user: 11, assistant: 11, tool: 0 });
  });

  it("have exact token figures in exact mode that match per-example counts", () => {
    const rnd = mulberry32(11);
    const lines = Array.from({ length: 40 }, () => chatLine([user(randomText(rnd, 20)), bot(randomText(rnd, 50))]));
    const { stats } = validate(file(lines), { tokenCounting: "exact" });
    const per = lines.map((l) => validate(file([l]), { tokenCounting: "exact" }).stats.totalTokens);
    expect(stats.totalTokens).toBe(per.reduce((a, b) => a + b, 0));
    expect(stats.tokensPerExample.min).toBe(Math.min(...per));
    expect(stats.tokensPerExample.max).toBe(Math.max(...per));
    expect(stats.tokenizedExamples).toBe(40);
    expect(stats.histogram.reduce((n, b) => n + b.count, 0)).toBe(40);
  });

  it("estimate tokens past the exact head in sampled mode, within 2% of the exact total", () => {
    const rnd = mulberry32(5);
    // ~3 MiB of short examples: the exact head, the dense samples and some of the sparse ones.
    const lines: string[] = [];
    let bytes = 0;
    while (bytes < 3 * 1024 * 1024) {
      const line = chatLine([
        sys("Answer in the style of a field guide."),
        user(randomText(rnd, 10)),
        bot(randomText(rnd, 20 + Math.floor(rnd() * 60))),
      ]);
      lines.push(line);
      bytes += line.length + 1;
    }
    const text = file(lines);
    const exact = validate(text, { tokenCounting: "exact" }).stats;
    const sampled = validate(text, { tokenCounting: "sampled" }).stats;
    expect(sampled.examples).toBe(exact.examples);
    const sizes = lines.map((l) => encoder.encode(l).length);
    let head = 0;
    for (let seen = 0; head < sizes.length && seen < EXACT_HEAD_BYTES; head++) seen += sizes[head]!;
    expect(lines.length - head).toBeGreaterThan(DENSE_EVERY * MIN_SAMPLES + SAMPLE_EVERY * 8);
    // The head, then every DENSE_EVERY-th example until MIN_SAMPLES, then every SAMPLE_EVERY-th.
    let expected = head;
    for (let i = 0, samples = 0; i < lines.length - head; i++) {
      if (i % (samples < MIN_SAMPLES ? DENSE_EVERY : SAMPLE_EVERY) === 0) {
        samples++;
        expected++;
      }
    }
    expect(sampled.tokenizedExamples).toBe(expected);
    expect(Math.abs(sampled.totalTokens - exact.totalTokens) / exact.totalTokens).toBeLessThan(0.02);
    expect(
      Math.abs(sampled.tokensPerExample.p50 - exact.tokensPerExample.p50) / exact.tokensPerExample.p50,
    ).toBeLessThan(0.05);
    expect(sampled.histogram.reduce((n, b) => n + b.count, 0)).toBe(exact.examples);
    // Deterministic: the same file gives the same estimate.
    expect(validate(text, { tokenCounting: "sampled" }).stats).toEqual(sampled);
  });

  it("have no token figures when counting is off", () => {
    const { stats } = validate(file(validChatLines(10)), { tokenCounting: "off" });
    expect(stats.tokenizer).toMatch(/none/);
    expect(stats.totalTokens).toBe(0);
    expect(stats.histogram).toEqual([]);
    expect(stats.tokenizedExamples).toBe(0);
  });

  it("are zero for a file without valid examples", () => {
    const { stats } = validate("nope\n", { fileName: "x.jsonl" });
    expect(stats.examples).toBe(0);
    expect(stats.tokensPerExample).toEqual({ min: 0, max: 0, mean: 0, p50: 0, p90: 0 });
    expect(stats.turnsPerExample).toEqual({ min: 0, max: 0, mean: 0 });
  });
});

describe("LinearFit", () => {
  it("recovers a line, merges like one accumulation, and falls back to a ratio", () => {
    const all = new LinearFit();
    const left = new LinearFit();
    const right = new LinearFit();
    for (let x = 1; x <= 1000; x++) {
      const y = 20 + 0.25 * x * 1e4;
      all.add(x * 1e4, y);
      (x % 3 === 0 ? left : right).add(x * 1e4, y);
    }
    const [a, b] = all.line();
    expect(a).toBeCloseTo(20, 6);
    expect(b).toBeCloseTo(0.25, 9);
    const [ma, mb] = left.merged(right).line();
    expect(ma).toBeCloseTo(a, 6);
    expect(mb).toBeCloseTo(b, 9);
    const flat = new LinearFit();
    for (let i = 0; i < 10; i++) flat.add(100, 30 + (i % 2));
    expect(flat.line()).toEqual([0, 0.305]);
    expect(new LinearFit().line()).toEqual([0, 0]);
    // A negative intercept is kept (bytes of JSON keys carry no tokens); a falling line is not.
    const negative = new LinearFit();
    const falling = new LinearFit();
    for (let x = 100; x <= 1000; x += 100) {
      negative.add(x, -10 + 0.3 * x);
      falling.add(x, 500 - 0.1 * x);
    }
    expect(negative.line()[0]).toBeCloseTo(-10, 6);
    expect(falling.line()[0]).toBe(0);
  });
});

describe("train/validation split", () => {
  it("holds out floor(n × share) examples, spread evenly, the same way every time", () => {
    const { stats } = validate(file(validChatLines(95)), { validationSplit: 0.2 });
    expect(stats.validationExamples).toBe(19);
    expect(stats.trainExamples).toBe(76);
    const held = Array.from({ length: 20 }, (_, i) => i).filter((i) => isValidationExample(i, 0.2));
    expect(held).toEqual([4, 9, 14, 19]);
  });

  it("holds none out without a share, and caps the share at 0.5", () => {
    expect(validate(file(validChatLines(10))).stats.validationExamples).toBe(0);
    expect(validate(file(validChatLines(10)), { validationSplit: 0.9 }).stats.validationExamples).toBe(5);
    expect(validate(file(validChatLines(10)), { validationSplit: -1 }).stats.validationExamples).toBe(0);
  });
});

describe("preview", () => {
  it("is the first three valid examples, with long texts cut", () => {
    const lines = ["bad", chatLine([user("x".repeat(5000)), bot("y")]), ...validChatLines(10)];
    const { preview } = validate(file(lines));
    expect(preview.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(preview[0]!.messages[0]!.content).toHaveLength(2001);
    expect(preview[0]!.messages[0]!.content.endsWith("…")).toBe(true);
    expect(preview[1]!.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "q 0?" },
      { role: "assistant", content: "Answer 0." },
    ]);
  });
});
