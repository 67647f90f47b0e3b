// CSV with input and output columns (papaparse), including records whose quoted fields span lines.
import { describe, expect, it } from "vitest";
import { bytesOf, errorAt, validate } from "./helpers";

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `question ${i + from},answer ${i + from}`);
const csv = (lines: string[], eol = "\n") => `${lines.join(eol)}${eol}`;

describe("csv format", () => {
  it("is detected from content and passes with input/output columns", () => {
    const report = validate(csv(["input,output", ...rows(10)]));
    expect(report.format).toBe("csv");
    expect(report.ok).toBe(true);
    expect(report.stats.examples).toBe(10);
    expect(report.preview[0]).toEqual({
      line: 2,
      messages: [
        { role: "user", content: "question 0" },
        { role: "assistant", content: "answer 0" },
      ],
    });
  });

  it("reads quoted fields with delimiters, escaped quotes and line breaks, and names the line a record starts on", () => {
    const text = csv(["Input,Output", '"a, b","say ""hi"""', '"multi', "line", 'input",out', ...rows(9), "x,"]);
    const report = validate(text);
    expect(report.preview[0]!.messages[0]!.content).toBe("a, b");
    expect(report.preview[0]!.messages[1]!.content).toBe('say "hi"');
    expect(report.preview[1]).toEqual({
      line: 3,
      messages: [
        { role: "user", content: "multi\nline\ninput" },
        { role: "assistant", content: "out" },
      ],
    });
    expect(report.errors).toEqual([{ line: 15, rule: "content", message: '"output" is empty' }]);
    expect(report.stats.examples).toBe(11);
  });

  it("takes a tab-separated file, CRLF line ends and a BOM", () => {
    const report = validate(["\ufeff", csv(["input\toutput", ...rows(10).map((r) => r.replace(",", "\t"))], "\r\n")]);
    expect(report.format).toBe("csv");
    expect(report.ok).toBe(true);
    expect(report.preview[0]!.messages[1]!.content).toBe("answer 0");
  });

  it("adds a system column as the system message", () => {
    const report = validate(csv(["system,input,output", ...rows(10).map((r) => `Be kind,${r}`)]));
    expect(report.ok).toBe(true);
    expect(report.stats.roles).toEqual({ system: 10, user: 10, assistant: 10, tool: 0 });
  });

  it("needs input and output columns (csv-header)", () => {
    const report = validate(csv(["prompt,completion", ...rows(10)]), { fileName: "data.csv" });
    expect(report.format).toBe("csv");
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      {
        line: 1,
        rule: "csv-header",
        message: 'The header needs "input" and "output" columns (found "prompt", "completion")',
      },
    ]);
    // Without usable columns no row is read, so no row errors and no examples.
    expect(report.stats.examples).toBe(0);
  });

  it("rejects a duplicated column and warns about unknown ones", () => {
    expect(validate(csv(["input,output,input", ...rows(10)])).errors[0]).toMatchObject({ line: 1, rule: "csv-header" });
    const report = validate(csv(["id,input,output", ...rows(10).map((r, i) => `${i},${r}`)]));
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      { line: 1, rule: "csv-header", message: 'Column "id" is ignored (known: input, output, system)' },
    ]);
  });

  it("flags a row with the wrong number of fields (csv-row) and empty fields (content)", () => {
    const report = validate(csv(["input,output", ...rows(10), "a,b,c", "only-one", ",answer"]));
    expect(errorAt(report, 12)).toEqual([
      { line: 12, rule: "csv-row", message: "The record has 3 fields; the header has 2" },
    ]);
    expect(errorAt(report, 13)[0]!.rule).toBe("csv-row");
    expect(errorAt(report, 14)).toEqual([{ line: 14, rule: "content", message: '"input" is empty' }]);
    expect(report.stats.examples).toBe(10);
  });

  it("reports a quote that never closes, at the line it opened", () => {
    const report = validate(csv(["input,output", ...rows(10), '"never closed,x', "more", "text"]));
    expect(report.errors).toEqual([
      { line: 12, rule: "csv-row", message: "A quoted field opened here is never closed" },
    ]);
    expect(report.stats.examples).toBe(10);
  });

  it("resyncs after text following a closing quote, so one bad row does not hide the rest", () => {
    const report = validate(csv(["input,output", '"bad"x,y', ...rows(10)]));
    expect(report.errors).toEqual([
      { line: 2, rule: "csv-row", message: "A quoted field has text after its closing quote" },
    ]);
    expect(report.stats.examples).toBe(10);
  });

  it("caps a runaway quoted field at maxLineBytes", () => {
    const long = Array.from({ length: 200 }, () => "x".repeat(30));
    const report = validate(csv(["input,output", ...rows(10), '"open', ...long, 'end",y']), { maxLineBytes: 1024 });
    expect(report.errors[0]).toMatchObject({
      line: 12,
      rule: "csv-row",
      message: expect.stringMatching(/runs past 1 KiB/),
    });
  });

  it("names an invalid UTF-8 row (encoding) without losing the rows after it", () => {
    const report = validate(
      bytesOf([csv(["input,output", ...rows(5)]), "bad ", new Uint8Array([0xff]), ",x\n", csv(rows(5, 5))]),
    );
    expect(report.errors).toEqual([{ line: 7, rule: "encoding", message: "The record is not valid UTF-8" }]);
    expect(report.stats.examples).toBe(10);
  });

  it("skips blank lines before the header and between records", () => {
    const report = validate(csv(["", "  ", "input,output", ...rows(5), "", "", ...rows(5, 5), ""]));
    expect(report.ok).toBe(true);
    expect(report.stats.examples).toBe(10);
  });
});
