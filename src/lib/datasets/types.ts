/**
 * The dataset validator's contract, shared by the browser (a Web Worker before upload) and the server
 * (the validation function after it). Both run the same code, so the same file gives the same report.
 */

export const DATASET_FORMATS = ["openai-chat", "conversation", "csv"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

export const DATASET_FORMAT_LABELS: Record<DatasetFormat, string> = {
  "openai-chat": "Chat JSONL (messages)",
  conversation: "Conversation JSONL (turns)",
  csv: "CSV (input, output)",
};

export const DATASET_ROLES = ["system", "user", "assistant", "tool"] as const;
export type DatasetRole = (typeof DATASET_ROLES)[number];

/** Every rule the validator checks; an issue names exactly one. */
export const DATASET_RULES = [
  "empty-file",
  "format",
  "encoding",
  "json",
  "line-too-long",
  "not-object",
  "unknown-key",
  "messages",
  "turns",
  "role",
  "content",
  "no-assistant",
  "weight",
  "csv-header",
  "csv-row",
  "min-examples",
  "context-length",
  "duplicate",
] as const;
export type DatasetRule = (typeof DATASET_RULES)[number];

export interface DatasetIssue {
  /** 1-based line in the file (for CSV, the line where the record starts); 0 for whole-file rules. */
  line: number;
  rule: DatasetRule;
  message: string;
}

export interface TokenHistogramBin {
  /** Inclusive lower and exclusive upper bound in tokens. */
  from: number;
  to: number;
  count: number;
}

export interface DatasetStats {
  bytes: number;
  lines: number;
  examples: number;
  trainExamples: number;
  validationExamples: number;
  /** The tokenizer the counts come from, shown to users, e.g. "o200k_base (gpt-tokenizer)". */
  tokenizer: string;
  totalTokens: number;
  tokensPerExample: { min: number; max: number; mean: number; p50: number; p90: number };
  histogram: TokenHistogramBin[];
  /**
   * How many examples were tokenized; when fewer than `examples`, the token figures of the others are estimated
   * (see `tokenCounting`). Absent in reports stored before it existed.
   */
  tokenizedExamples?: number;
  turnsPerExample: { min: number; max: number; mean: number };
  roles: Record<DatasetRole, number>;
  duplicates: number;
}

export interface DatasetPreviewExample {
  line: number;
  messages: { role: DatasetRole; content: string }[];
}

export interface DatasetReport {
  format: DatasetFormat | null;
  /** No errors (warnings allowed). */
  ok: boolean;
  /** The first `maxIssues` errors in file order; `errorCounts` counts all of them per rule. */
  errors: DatasetIssue[];
  errorCounts: Partial<Record<DatasetRule, number>>;
  totalErrors: number;
  warnings: DatasetIssue[];
  warningCounts: Partial<Record<DatasetRule, number>>;
  totalWarnings: number;
  stats: DatasetStats;
  /** The first three valid examples. */
  preview: DatasetPreviewExample[];
}

export interface DatasetValidatorOptions {
  /** The chosen base model's context length; longer examples are flagged with their line. */
  contextLength?: number;
  /** Share of examples held out for validation (0 to 0.5), assigned deterministically. */
  validationSplit?: number;
  /** How many errors and warnings each are kept in full (default 100). */
  maxIssues?: number;
  /** A hint from the file name or content type; content decides when they disagree. */
  fileName?: string;
  /**
   * Lines (and CSV records) longer than this are reported as `line-too-long` and skipped without being held in
   * memory (default 8 MiB).
   */
  maxLineBytes?: number;
  /**
   * How the token statistics are taken (tokenizing is the dearest step by far):
   * "sampled" (default): every example of the first 256 KiB of examples is tokenized, then a systematic sample
   * (1 in 8, then 1 in 512), and the others are estimated from their size (`stats.tokenizedExamples` tells how
   * many were tokenized); "exact": every example is tokenized; "off": no token statistics.
   * The context-length rule is exact in every mode. Browser and server must pass the same value to agree.
   */
  tokenCounting?: DatasetTokenCounting;
}

export const DATASET_TOKEN_COUNTING = ["sampled", "exact", "off"] as const;
export type DatasetTokenCounting = (typeof DATASET_TOKEN_COUNTING)[number];

export interface DatasetValidatorProgress {
  bytes: number;
  lines: number;
}

/** Push-based and streaming: memory stays flat in the file's size. */
export interface DatasetValidator {
  push(chunk: Uint8Array): void;
  end(): DatasetReport;
  progress(): DatasetValidatorProgress;
}
