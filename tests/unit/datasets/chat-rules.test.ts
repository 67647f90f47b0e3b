// The OpenAI chat JSONL format, rule by rule: each bad line is named by its 1-based line and one rule.
import { describe, expect, it } from "vitest";
import { createDatasetValidator } from "@/lib/datasets/validator";
import { bot, bytesOf, chatLine, errorAt, errorRules, file, sys, user, validate, validChatLines } from "./helpers";

/** Ten good lines, then the line under test as line 11. */
function withLine(line: string | Uint8Array, options = {}) {
  const report = validate([file(validChatLines(10)), line, "\n"], options);
  return { report, issues: errorAt(report, 11) };
}

describe("openai-chat: a valid file", () => {
  it("passes with its format, counts and no issues", () => {
    const report = validate(file(validChatLines(12)), { fileName: "train.jsonl" });
    expect(report.format).toBe("openai-chat");
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.totalErrors).toBe(0);
    expect(report.warnings).toEqual([]);
    expect(report.stats.examples).toBe(12);
    expect(report.stats.lines).toBe(12);
  });

  it("tolerates a UTF-8 BOM, CRLF line ends and a last line without a newline", () => {
    const lines = validChatLines(10);
    const report = validate(["\ufeff", lines.join("\r\n")]);
    expect(report.ok).toBe(true);
    expect(report.stats.examples).toBe(10);
    expect(report.stats.lines).toBe(10);
  });

  it("accepts tools, tool calls, tool answers, names and weights 0 and 1", () => {
    const call = { id: "call_1", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } };
    const line = chatLine(
      [
        sys("Use tools."),
        { role: "user", content: "Weather in Paris?", name: "ann" },
        { role: "assistant", tool_calls: [call], weight: 0 },
        { role: "tool", tool_call_id: "call_1", content: '{"temp":21}' },
        bot("It is 21°C.", { weight: 1 }),
      ],
      { tools: [{ type: "function", function: { name: "weather", parameters: {} } }], parallel_tool_calls: false },
    );
    const { report, issues } = withLine(line);
    expect(issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.stats.roles.tool).toBe(1);
  });
});

describe("openai-chat: each rule", () => {
  const cases: [string, string | Uint8Array, string, RegExp][] = [
    ["json: not JSON", "this is not json", "json", /Not valid JSON/],
    ["json: cut off", '{"messages": [{"role": "user", "content": "hi"}', "json", /cut off/],
    ["not-object: a list", "[1, 2]", "not-object", /a list, not a JSON object/],
    ["not-object: a string", '"hello"', "not-object", /a string/],
    ["not-object: null", "null", "not-object", /null/],
    ["unknown-key on the line", chatLine([user("a"), bot("b")], { prompt: "x" }), "unknown-key", /"prompt"/],
    ["unknown-key in a message", chatLine([user("a"), bot("b", { extra: 1 })]), "unknown-key", /Message 2.*"extra"/],
    ["messages: missing", JSON.stringify({}), "messages", /No "messages"/],
    ["messages: not a list", JSON.stringify({ messages: "hi" }), "messages", /a string, not a list/],
    ["messages: empty", JSON.stringify({ messages: [] }), "messages", /empty/],
    ["messages: an entry not an object", chatLine([user("a"), "b", bot("c")]), "messages", /Message 2 is a string/],
    ["role: missing", chatLine([{ content: "a" }, bot("b")]), "role", /Message 1 has no role/],
    ["role: unknown", chatLine([{ role: "bot", content: "a" }, bot("b")]), "role", /role "bot"/],
    ["role: not a string", chatLine([{ role: 3, content: "a" }, bot("b")]), "role", /role a number/],
    ["content: missing", chatLine([{ role: "user" }, bot("b")]), "content", /Message 1 \(user\) has no content/],
    ["content: null", chatLine([user("a"), { role: "assistant", content: null }]), "content", /no content/],
    [
      "content: a list",
      chatLine([{ role: "user", content: [{ type: "text", text: "a" }] }, bot("b")]),
      "content",
      /a list, not a string/,
    ],
    ["content: empty", chatLine([user(""), bot("b")]), "content", /empty content/],
    ["content: whitespace only", chatLine([user("a"), bot(" \n\t ")]), "content", /empty content/],
    ["no-assistant", chatLine([sys("s"), user("a")]), "no-assistant", /No assistant message/],
    ["weight: 0.5", chatLine([user("a"), bot("b", { weight: 0.5 })]), "weight", /weight 0\.5; only 0 or 1/],
    ["weight: a string", chatLine([user("a"), bot("b", { weight: "1" })]), "weight", /weight a string/],
    [
      "weight: on a user message",
      chatLine([{ role: "user", content: "a", weight: 1 }, bot("b")]),
      "weight",
      /only assistant/,
    ],
    [
      "tool: no tool_call_id",
      chatLine([user("a"), { role: "tool", content: "x" }, bot("b")]),
      "messages",
      /tool_call_id/,
    ],
    [
      "tool_calls on a user",
      chatLine([{ role: "user", content: "a", tool_calls: [{}] }, bot("b")]),
      "messages",
      /only assistant/,
    ],
    [
      "tool_calls empty",
      chatLine([user("a"), { role: "assistant", tool_calls: [] }, bot("b")]),
      "messages",
      /non-empty list/,
    ],
    ["tools not a list", chatLine([user("a"), bot("b")], { tools: {} }), "messages", /"tools" must be a list/],
    ["name not a string", chatLine([{ role: "user", content: "a", name: 3 }, bot("b")]), "messages", /name must be/],
    [
      "encoding: invalid UTF-8",
      bytesOf(['{"messages":[{"role":"user","content":"', new Uint8Array([0xc3, 0x28]), '"}]}']),
      "encoding",
      /not valid UTF-8/,
    ],
    [
      "encoding: a lone surrogate escape",
      chatLine([user("a"), bot("b")]).replace('"b"', '"b\\ud800"'),
      "encoding",
      /lone surrogate/,
    ],
    [
      "encoding: an encoded surrogate (CESU-8)",
      bytesOf(['{"messages":[{"role":"user","content":"', new Uint8Array([0xed, 0xa0, 0x80]), '"}]}']),
      "encoding",
      /not valid UTF-8/,
    ],
  ];
  for (const [name, line, rule, message] of cases) {
    it(name, () => {
      const { report, issues } = withLine(line);
      expect(report.ok).toBe(false);
      expect(issues.map((i) => i.rule)).toContain(rule);
      expect(issues.find((i) => i.rule === rule)!.message).toMatch(message);
      // The ten good lines around it are untouched: the bad line is the only one with errors.
      expect(report.errors.every((e) => e.line === 11)).toBe(true);
      expect(report.stats.examples).toBe(10);
    });
  }

  it("says tool JSON nested too deeply to write back is an error instead of crashing", () => {
    const deep = `${"[".repeat(1_000_000)}${"]".repeat(1_000_000)}`;
    const calls = `{"messages":[{"role":"user","content":"a"},{"role":"assistant","tool_calls":[{"a":${deep}}]}]}`;
    const tools = `{"tools":[{"a":${deep}}],"messages":[{"role":"user","content":"a"},{"role":"assistant","content":"b"}]}`;
    for (const line of [calls, tools]) {
      const { issues } = withLine(line, { maxLineBytes: 4 * 1024 * 1024 });
      expect(issues).toEqual([{ line: 11, rule: "messages", message: expect.stringMatching(/nested too deeply/) }]);
    }
  });

  it("reports a rule once per line however many messages break it", () => {
    const line = chatLine([
      { role: "bot", content: "a" },
      { role: "human", content: "b" },
      { role: "x", content: "c" },
    ]);
    const { report, issues } = withLine(line);
    expect(issues.filter((i) => i.rule === "role")).toHaveLength(1);
    expect(report.errorCounts.role).toBe(1);
  });

  it("reports each broken rule of a line", () => {
    const { issues } = withLine(chatLine([{ role: "bot", content: "" }, bot("b", { weight: 2 })], { x: 1 }));
    expect(issues.map((i) => i.rule).sort()).toEqual(["content", "role", "unknown-key", "weight"]);
  });

  it("warns when every assistant message has weight 0", () => {
    const report = validate(file([...validChatLines(10), chatLine([user("a"), bot("b", { weight: 0 })])]));
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([{ line: 11, rule: "weight", message: expect.stringMatching(/trains nothing/) }]);
  });

  it("needs at least 10 valid examples (min-examples, a whole-file error on line 0)", () => {
    const report = validate(file([...validChatLines(9), "not json"]));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toEqual({
      line: 0,
      rule: "min-examples",
      message: expect.stringMatching(/9 valid examples.*at least 10/),
    });
    expect(validate(file(validChatLines(10))).ok).toBe(true);
  });

  it("warns about blank lines and skips them", () => {
    const lines = validChatLines(10);
    const report = validate(`\n${lines.slice(0, 5).join("\n")}\n  \n${lines.slice(5).join("\n")}\n`);
    expect(report.ok).toBe(true);
    expect(report.warnings.map((w) => [w.line, w.rule])).toEqual([
      [1, "json"],
      [7, "json"],
    ]);
  });

  it("keeps the first maxIssues errors in file order and counts the rest per rule", () => {
    const bad = Array.from({ length: 30 }, () => "{oops");
    const report = validate(file([...validChatLines(10), ...bad]), { maxIssues: 5 });
    expect(report.errors.map((e) => e.line)).toEqual([11, 12, 13, 14, 15]);
    expect(report.totalErrors).toBe(30);
    expect(report.errorCounts).toEqual({ json: 30 });
  });

  it("puts a whole-file error first even when the kept list is full", () => {
    const report = validate(file(Array.from({ length: 8 }, () => "{oops")), { maxIssues: 3 });
    expect(errorRules(report)).toEqual(["min-examples", "json", "json"]);
    expect(report.totalErrors).toBe(9);
  });
});

describe("line-too-long", () => {
  it("skips a line over maxLineBytes, names it, and goes on", () => {
    const long = chatLine([user("x".repeat(5000)), bot("b")]);
    const report = validate(
      file([...validChatLines(5), long, ...validChatLines(5, "z")]),
      { maxLineBytes: 2048 },
      [700],
    );
    expect(report.errors).toEqual([
      { line: 6, rule: "line-too-long", message: expect.stringMatching(/over the 2 KiB limit/) },
    ]);
    expect(report.stats.examples).toBe(10);
    expect(report.stats.lines).toBe(11);
  });

  it("holds a huge line in no more memory than the limit", () => {
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    const before = process.memoryUsage().arrayBuffers;
    let peak = before;
    const v = createDatasetValidator({ maxLineBytes: 1024 * 1024 });
    for (let i = 0; i < 128; i++) {
      v.push(chunk);
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    const report = v.end();
    expect(report.errors.map((e) => e.rule)).toContain("line-too-long");
    expect(report.errors.find((e) => e.rule === "line-too-long")!.message).toMatch(/128\.0 MiB/);
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
  });
});
