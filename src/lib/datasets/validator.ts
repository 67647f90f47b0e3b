/**
 * The dataset validator: bytes in, a DatasetReport out, the same in a browser Web Worker and in Node (no
 * platform imports). It streams: the file is read line by line and never held, so memory is bounded by the
 * longest accepted line plus fixed-size tables (kept issues, the token histogram, the duplicate index).
 */
import { CsvReader } from "./csv-format";
import { checkChatLine } from "./chat-format";
import { checkConversationLine } from "./conversation-format";
import { formatBytes, isBlank, plural } from "./describe";
import { type Detection, detectFormat, sniffBinary, UNKNOWN_FORMAT_MESSAGE } from "./detect-format";
import { DuplicateIndex, Fingerprint } from "./duplicates";
import type { Example } from "./example";
import { jsonErrorMessage, toPreview } from "./line-messages";
import { IssueLog, LineIssues } from "./issue-log";
import { type LineSink, LineSplitter } from "./line-splitter";
import type { MessageList } from "./message-list";
import { isValidationExample, normalizeSplit } from "./split";
import { StatsAccumulator } from "./stats";
import { countExampleTokens, TOKENIZER } from "./tokens";
import type {
  DatasetFormat,
  DatasetPreviewExample,
  DatasetReport,
  DatasetTokenCounting,
  DatasetValidator,
  DatasetValidatorOptions,
  DatasetValidatorProgress,
} from "./types";

export const MIN_EXAMPLES = 10;
export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_ISSUES = 100;
const PREVIEW_EXAMPLES = 3;
// How far the format is looked for when the first lines do not tell.
const MAX_UNDECIDED_LINES = 16;
const MAX_UNDECIDED_BYTES = 1024 * 1024;
const MAX_UNDECIDED_BLANKS = 1024;

class StreamingValidator implements DatasetValidator, LineSink {
  private readonly splitter: LineSplitter;
  private readonly errors: IssueLog;
  private readonly warnings: IssueLog;
  private readonly issues: LineIssues;
  private readonly fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly stats: StatsAccumulator;
  private readonly duplicates = new DuplicateIndex();
  private readonly fingerprint = new Fingerprint();
  private readonly preview: DatasetPreviewExample[] = [];
  private readonly contextLength: number | undefined;
  private readonly split: number;
  private readonly counting: DatasetTokenCounting;
  private readonly maxLineBytes: number;
  // undefined until the first line with text decides it; null when nothing we read fits a format.
  private format: DatasetFormat | null | undefined = undefined;
  private formatMessage = UNKNOWN_FORMAT_MESSAGE;
  private csv: CsvReader | null = null;
  // Lines before the format is known (blank, or text that does not tell), replayed once it is; bounded.
  private undecided: { text: string; lineNo: number; bytes: number }[] = [];
  private undecidedTexts = 0;
  private undecidedBytes = 0;
  private report: DatasetReport | null = null;

  constructor(private readonly options: DatasetValidatorOptions) {
    const maxIssues = Math.max(0, options.maxIssues ?? DEFAULT_MAX_ISSUES);
    this.errors = new IssueLog(maxIssues);
    this.warnings = new IssueLog(maxIssues);
    this.issues = new LineIssues(this.errors, this.warnings);
    this.maxLineBytes = Math.max(1024, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES);
    this.splitter = new LineSplitter(this.maxLineBytes, this);
    const context = options.contextLength;
    this.contextLength = context !== undefined && Number.isFinite(context) && context > 0 ? context : undefined;
    this.split = normalizeSplit(options.validationSplit);
    this.counting = options.tokenCounting ?? "sampled";
    this.stats = new StatsAccumulator(this.counting);
  }

  push(chunk: Uint8Array): void {
    if (this.report) throw new Error("The validator has ended; create a new one for another file");
    this.splitter.push(chunk);
  }

  progress(): DatasetValidatorProgress {
    return { bytes: this.splitter.bytes, lines: this.splitter.lines };
  }

  end(): DatasetReport {
    if (this.report) return this.report;
    this.splitter.end();
    // Only blank lines or text that never told the format: if any line has text, say the format is unknown.
    if (this.format === undefined && this.undecidedTexts > 0) {
      this.decide({ format: null, message: UNKNOWN_FORMAT_MESSAGE });
    }
    this.csv?.end();
    this.report = this.finish();
    return this.report;
  }

  // LineSink
  line(bytes: Uint8Array, lineNo: number): void {
    if (lineNo === 1) {
      const binary = sniffBinary(bytes);
      if (binary) {
        this.decide({ format: null, message: binary });
        return;
      }
    }
    let text: string;
    try {
      text = this.fatal.decode(bytes);
    } catch {
      if (this.format === "csv") {
        // Kept (with replacement characters) so a quoted field spanning this line still ends where it should.
        this.csv!.line(this.lenient.decode(bytes), lineNo, bytes.length, true);
      } else if (this.format !== null) {
        this.issues.reset(lineNo).error("encoding", "The line is not valid UTF-8");
      }
      return;
    }
    if (this.format === undefined) this.detect(text, lineNo, bytes.length);
    else this.handle(text, lineNo, bytes.length);
  }

  private handle(text: string, lineNo: number, bytes: number): void {
    if (this.format === "csv") this.csv!.line(text, lineNo, bytes, false);
    else if (this.format) this.jsonLine(text, lineNo, bytes);
  }

  tooLong(lineNo: number, bytes: number): void {
    if (this.format === null) return;
    this.csv?.skipLine();
    const limit = formatBytes(this.maxLineBytes);
    this.issues
      .reset(lineNo)
      .error("line-too-long", `The line is ${formatBytes(bytes)}, over the ${limit} limit; skipped`);
  }

  private detect(text: string, lineNo: number, bytes: number): void {
    const blank = isBlank(text);
    const detection = blank ? null : detectFormat(text, this.options.fileName);
    // A run of leading blank lines is kept only so far (past that they are skipped without a warning).
    if (!blank || this.undecided.length < MAX_UNDECIDED_BLANKS) this.undecided.push({ text, lineNo, bytes });
    if (!blank) this.undecidedTexts++;
    this.undecidedBytes += bytes;
    if (!detection) {
      if (this.undecidedTexts > MAX_UNDECIDED_LINES || this.undecidedBytes > MAX_UNDECIDED_BYTES) {
        this.decide({ format: null, message: UNKNOWN_FORMAT_MESSAGE });
      }
      return;
    }
    this.decide(detection);
  }

  private decide(detection: Detection): void {
    this.format = detection.format;
    const lines = this.undecided;
    this.undecided = [];
    this.undecidedTexts = 0;
    this.undecidedBytes = 0;
    if (detection.format === null) {
      this.formatMessage = detection.message;
      return;
    }
    if (detection.format === "csv") {
      this.csv = new CsvReader(this.maxLineBytes, this.issues, (example) => this.accept(example));
    }
    for (const line of lines) this.handle(line.text, line.lineNo, line.bytes);
  }

  private jsonLine(text: string, lineNo: number, bytes: number): void {
    const issues = this.issues.reset(lineNo);
    if (isBlank(text)) {
      issues.warning("json", "Blank line; skipped");
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      issues.error("json", jsonErrorMessage(text));
      return;
    }
    const list: MessageList | null =
      this.format === "conversation" ? checkConversationLine(value, issues) : checkChatLine(value, issues);
    if (!list) return;
    // The line's bytes bound its tokens (see Example.tokenBound), except that re-serialised tool JSON can be
    // longer than it was written (1e9 becomes 1000000000).
    let bound = bytes;
    for (const extra of list.extras) bound += 3 * extra.length;
    this.accept({ line: lineNo, messages: list.messages, extras: list.extras, bytes, tokenBound: bound });
  }

  private accept(example: Example): void {
    const issues = this.issues.reset(example.line);
    let tokens = this.stats.tokens.wants() ? countExampleTokens(example) : null;
    const context = this.contextLength;
    if (context !== undefined && (tokens ?? example.tokenBound) > context) {
      tokens ??= countExampleTokens(example);
      if (tokens > context) {
        issues.error("context-length", `The example is ${plural(tokens, "token")}, over the ${context}-token context`);
      }
    }
    const { a, b } = this.fingerprint.of(example);
    const first = this.duplicates.seen(a, b, example.line);
    if (first !== 0) {
      this.stats.duplicates++;
      issues.warning("duplicate", `Repeats the example on line ${first}`);
    }
    this.stats.add(example, tokens, isValidationExample(this.stats.examples, this.split));
    if (this.preview.length < PREVIEW_EXAMPLES) this.preview.push(toPreview(example));
  }

  private finish(): DatasetReport {
    const { bytes, lines } = this.splitter;
    if (this.format === undefined) {
      if (this.errors.total === 0) this.errors.addFileLevel("empty-file", "The file is empty (no line has text)");
      else this.errors.addFileLevel("format", UNKNOWN_FORMAT_MESSAGE);
    } else if (this.format === null) {
      this.errors.addFileLevel("format", this.formatMessage);
    } else if (this.stats.examples < MIN_EXAMPLES && (this.csv?.readable ?? true)) {
      const n = this.stats.examples;
      this.errors.addFileLevel(
        "min-examples",
        `The file has ${plural(n, "valid example")}; training needs at least ${MIN_EXAMPLES}`,
      );
    }
    if (this.duplicates.saturated) {
      this.warnings.addFileLevel(
        "duplicate",
        "Too many distinct examples to compare them all: later ones were compared with the first 3 million only",
      );
    }
    const tokenizer = this.counting === "off" ? "none (token counting off)" : TOKENIZER;
    return {
      format: this.format ?? null,
      ok: this.errors.total === 0,
      errors: this.errors.kept,
      errorCounts: this.errors.counts,
      totalErrors: this.errors.total,
      warnings: this.warnings.kept,
      warningCounts: this.warnings.counts,
      totalWarnings: this.warnings.total,
      stats: this.stats.result(bytes, lines, tokenizer),
      preview: this.preview,
    };
  }
}

export function createDatasetValidator(options: DatasetValidatorOptions = {}): DatasetValidator {
  return new StreamingValidator(options);
}

/**
 * Validates a whole stream: a browser File's `stream()`, a fetch body, or a Node readable (an async iterable
 * of Buffers). `onProgress` is called after every chunk.
 */
export async function validateDatasetStream(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DatasetValidatorOptions = {},
  onProgress?: (progress: DatasetValidatorProgress) => void,
): Promise<DatasetReport> {
  const validator = createDatasetValidator(options);
  if ("getReader" in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        validator.push(value);
        onProgress?.(validator.progress());
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) {
      validator.push(chunk);
      onProgress?.(validator.progress());
    }
  }
  return validator.end();
}
