// Seed 003's conversation format: {"conversation_id", "turns": [{role, content}], "metadata"?}.
import { describe, expect, it } from "vitest";
import { bot, conversationLine, errorAt, file, user, validate, validConversationLines } from "./helpers";

function withLine(line: string) {
  const report = validate(file([...validConversationLines(10), line]));
  return { report, issues: errorAt(report, 11) };
}

describe("conversation format", () => {
  it("is detected from conversation_id/turns and passes when valid", () => {
    const lines = validConversationLines(11);
    lines.push(
      conversationLine(42, [{ role: "system", content: "s" }, user("q"), bot("a", { weight: 1 })], {
        metadata: { source: "x" },
      }),
    );
    const report = validate(file(lines));
    expect(report.format).toBe("conversation");
    expect(report.ok).toBe(true);
    expect(report.stats.examples).toBe(12);
    expect(report.preview[0]).toEqual({
      line: 1,
      messages: [
        { role: "user", content: "Question 0" },
        { role: "assistant", content: "Reply 0" },
      ],
    });
  });

  it("is detected even when the first line is broken", () => {
    const report = validate(file(['{"conversation_id": "a", "turns": [', ...validConversationLines(10)]));
    expect(report.format).toBe("conversation");
    expect(report.errors).toEqual([{ line: 1, rule: "json", message: expect.stringMatching(/cut off/) }]);
  });

  const cases: [string, string, string, RegExp][] = [
    ["no conversation_id", JSON.stringify({ turns: [user("q"), bot("a")] }), "turns", /No "conversation_id"/],
    ["an empty conversation_id", conversationLine(" ", [user("q"), bot("a")]), "turns", /conversation_id/],
    ["conversation_id an object", conversationLine({}, [user("q"), bot("a")]), "turns", /an object/],
    ["no turns", JSON.stringify({ conversation_id: "x" }), "turns", /No "turns"/],
    ["turns not a list", conversationLine("x", { role: "user" }), "turns", /"turns" is an object, not a list/],
    ["turns empty", conversationLine("x", []), "turns", /empty/],
    ["a turn not an object", conversationLine("x", [user("q"), 7, bot("a")]), "turns", /Turn 2 is a number/],
    [
      "the tool role (not supported here)",
      conversationLine("x", [user("q"), { role: "tool", content: "t" }, bot("a")]),
      "role",
      /role "tool"; expected system, user, assistant/,
    ],
    [
      "an unknown key on the line",
      conversationLine("x", [user("q"), bot("a")], { messages: [] }),
      "unknown-key",
      /"messages"/,
    ],
    [
      "an unknown key in a turn",
      conversationLine("x", [user("q"), bot("a", { name: "n" })]),
      "unknown-key",
      /Turn 2.*"name"/,
    ],
    [
      "metadata not an object",
      conversationLine("x", [user("q"), bot("a")], { metadata: "m" }),
      "turns",
      /"metadata" is a string/,
    ],
    ["empty content", conversationLine("x", [user(""), bot("a")]), "content", /Turn 1 \(user\) has empty content/],
    ["no assistant turn", conversationLine("x", [user("q")]), "no-assistant", /No assistant turn/],
    ["a bad weight", conversationLine("x", [user("q"), bot("a", { weight: 3 })]), "weight", /weight 3/],
  ];
  for (const [name, line, rule, message] of cases) {
    it(name, () => {
      const { report, issues } = withLine(line);
      expect(report.ok).toBe(false);
      expect(issues.find((i) => i.rule === rule)?.message).toMatch(message);
      expect(report.errors.every((e) => e.line === 11)).toBe(true);
    });
  }

  it("counts lines that differ only in conversation_id as duplicates", () => {
    const lines = validConversationLines(10);
    lines.push(conversationLine("other-id", [user("Question 3"), bot("Reply 3")]));
    const report = validate(file(lines));
    expect(report.ok).toBe(true);
    expect(report.stats.duplicates).toBe(1);
    expect(report.warnings).toEqual([{ line: 11, rule: "duplicate", message: "Repeats the example on line 4" }]);
  });
});
