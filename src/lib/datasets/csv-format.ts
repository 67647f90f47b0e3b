/**
 * CSV with `input` and `output` columns (and an optional `system` column), parsed by papaparse. Lines arrive
 * one at a time; a record whose quoted field spans lines is held until papaparse says its quotes close, so
 * records never depend on where the stream's chunks were cut. A line without a quote cannot close a quoted
 * field, so only lines with one are re-parsed, which keeps long multi-line fields linear.
 */
import Papa from "papaparse";
import { formatBytes, isBlank, quote } from "./describe";
import { type Example, type ExampleMessage, lengthTokenBound } from "./example";
import type { LineIssues } from "./issue-log";

const REQUIRED = ["input", "output"] as const;
const KNOWN = new Set<string>(["input", "output", "system"]);
const DELIMITERS = [",", "\t", ";", "|"];

/** What Papa.Parser#parse returns (typed `any` upstream). */
interface RecordParse {
  data: string[][];
  errors: Papa.ParseError[];
}

interface Columns {
  count: number;
  input: number;
  output: number;
  system: number;
}

export class CsvReader {
  // papaparse's own record parser, made once the header names the delimiter and reused for every record:
  // Papa.parse() builds a config, a streamer and regexes per call, several times the cost of the parse.
  private parser: Papa.Parser | null = null;
  private columns: Columns | null = null;
  private headerSeen = false;
  private pending = "";
  private pendingLine = 0;
  private pendingBytes = 0;
  private pendingBad = false;

  constructor(
    private readonly maxRecordBytes: number,
    private readonly issues: LineIssues,
    private readonly accept: (example: Example) => void,
  ) {}

  /** `bad`: the line was not valid UTF-8 (decoded with replacement characters so the record still parses). */
  line(text: string, lineNo: number, bytes: number, bad: boolean): void {
    if (!this.headerSeen) {
      if (!bad && isBlank(text)) return;
      if (bad) this.issues.reset(lineNo).error("encoding", "The header line is not valid UTF-8");
      this.header(text, lineNo);
      return;
    }
    if (!this.columns) return;
    if (this.pendingLine === 0) {
      if (!bad && isBlank(text)) return;
      this.pending = text;
      this.pendingLine = lineNo;
      this.pendingBytes = bytes;
      this.pendingBad = bad;
    } else {
      this.pending = `${this.pending}\n${text}`;
      this.pendingBytes += bytes + 1;
      this.pendingBad ||= bad;
      // Still inside a quoted field unless this line has a quote that could close it.
      if (!text.includes('"')) {
        this.checkSize();
        return;
      }
    }
    this.tryRecord();
  }

  /** False once the header failed: no row can be read, so "too few examples" would only repeat that error. */
  get readable(): boolean {
    return this.columns !== null;
  }

  /** A line too long to read: a record it belonged to cannot be completed (the line's own error says why). */
  skipLine(): void {
    this.clear();
  }

  end(): void {
    if (this.pendingLine === 0) return;
    this.issues.reset(this.pendingLine).error("csv-row", "A quoted field opened here is never closed");
    this.clear();
  }

  private header(text: string, lineNo: number): void {
    this.headerSeen = true;
    const issues = this.issues.reset(lineNo);
    const parsed = Papa.parse<string[]>(text, { delimitersToGuess: DELIMITERS, newline: "\n" });
    if (parsed.errors.some((e) => e.type === "Quotes")) {
      issues.error("csv-header", "The header line has a malformed or unclosed quote");
      return;
    }
    this.parser = new Papa.Parser({ delimiter: parsed.meta.delimiter, newline: "\n" });
    const names = (parsed.data[0] ?? []).map((n) => n.trim().toLowerCase());
    const index = (name: string) => names.indexOf(name);
    const duplicate = names.find((n, i) => n !== "" && names.indexOf(n) !== i);
    if (duplicate !== undefined) issues.error("csv-header", `Column ${quote(duplicate)} appears more than once`);
    const missing = REQUIRED.filter((n) => index(n) === -1);
    if (missing.length > 0) {
      const found = names.length > 0 ? names.map((n) => quote(n, 20)).join(", ") : "none";
      issues.error(
        "csv-header",
        `The header needs ${missing.map((n) => quote(n)).join(" and ")} columns (found ${found})`,
      );
    }
    if (issues.errors > 0) return;
    for (const name of names) {
      if (!KNOWN.has(name)) {
        issues.warning("csv-header", `Column ${quote(name)} is ignored (known: input, output, system)`);
      }
    }
    this.columns = { count: names.length, input: index("input"), output: index("output"), system: index("system") };
  }

  private tryRecord(): void {
    const parsed: RecordParse = this.parser!.parse(this.pending, 0, false);
    const invalid = parsed.errors.find((e) => e.code === "InvalidQuotes");
    if (invalid) {
      // Papa would keep reading to the next quote; resyncing at the next line keeps one bad row from hiding the rest.
      this.issues.reset(this.pendingLine).error("csv-row", "A quoted field has text after its closing quote");
      this.clear();
      return;
    }
    if (parsed.errors.some((e) => e.code === "MissingQuotes")) {
      this.checkSize();
      return;
    }
    const row = parsed.data.length === 1 ? parsed.data[0] : undefined;
    if (row) this.record(row);
    else this.issues.reset(this.pendingLine).error("csv-row", "The record could not be read as one CSV row");
    this.clear();
  }

  private checkSize(): void {
    if (this.pendingBytes <= this.maxRecordBytes) return;
    this.issues
      .reset(this.pendingLine)
      .error(
        "csv-row",
        `A quoted field opened here runs past ${formatBytes(this.maxRecordBytes)} (an unclosed quote?)`,
      );
    this.clear();
  }

  private record(fields: string[]): void {
    const columns = this.columns!;
    const issues = this.issues.reset(this.pendingLine);
    if (this.pendingBad) issues.error("encoding", "The record is not valid UTF-8");
    if (fields.length !== columns.count) {
      issues.error("csv-row", `The record has ${fields.length} fields; the header has ${columns.count}`);
      return;
    }
    const input = fields[columns.input]!;
    const output = fields[columns.output]!;
    if (isBlank(input)) issues.error("content", `"input" is empty`);
    if (isBlank(output)) issues.error("content", `"output" is empty`);
    if (issues.errors > 0) return;
    const messages: ExampleMessage[] = [];
    const system = columns.system === -1 ? "" : fields[columns.system]!;
    if (!isBlank(system)) messages.push({ role: "system", content: system });
    messages.push({ role: "user", content: input }, { role: "assistant", content: output });
    const bound = lengthTokenBound(messages, []);
    this.accept({ line: this.pendingLine, messages, extras: [], bytes: this.pendingBytes, tokenBound: bound });
  }

  private clear(): void {
    this.pending = "";
    this.pendingLine = 0;
    this.pendingBytes = 0;
    this.pendingBad = false;
  }
}
