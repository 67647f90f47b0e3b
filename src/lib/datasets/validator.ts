// PLACEHOLDER (Helper U): a crude stand-in for Helper V's validator so the UI builds and runs before it
// lands. Same signatures; token counts are estimated (chars / 4). Dropped at merge.
import type {
  DatasetFormat,
  DatasetIssue,
  DatasetPreviewExample,
  DatasetReport,
  DatasetRole,
  DatasetRule,
  DatasetValidator,
  DatasetValidatorOptions,
  DatasetValidatorProgress,
} from "./types";

const ROLES = new Set(["system", "user", "assistant", "tool"]);
const KEYS = new Set(["messages"]);

export function createDatasetValidator(opts: DatasetValidatorOptions = {}): DatasetValidator {
  const maxIssues = opts.maxIssues ?? 100;
  const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });
  let rest = "";
  let bytes = 0;
  let line = 0;
  let format: DatasetFormat | null = null;
  const errors: DatasetIssue[] = [];
  const warnings: DatasetIssue[] = [];
  const errorCounts: Partial<Record<DatasetRule, number>> = {};
  const warningCounts: Partial<Record<DatasetRule, number>> = {};
  let totalErrors = 0;
  let totalWarnings = 0;
  const tokens: number[] = [];
  const turns: number[] = [];
  const roles: Record<DatasetRole, number> = { system: 0, user: 0, assistant: 0, tool: 0 };
  const seen = new Set<string>();
  let duplicates = 0;
  const preview: DatasetPreviewExample[] = [];
  let csvHeader: string[] | null = null;

  const error = (l: number, rule: DatasetRule, message: string) => {
    totalErrors++;
    errorCounts[rule] = (errorCounts[rule] ?? 0) + 1;
    if (errors.length < maxIssues) errors.push({ line: l, rule, message });
  };
  const warn = (l: number, rule: DatasetRule, message: string) => {
    totalWarnings++;
    warningCounts[rule] = (warningCounts[rule] ?? 0) + 1;
    if (warnings.length < maxIssues) warnings.push({ line: l, rule, message });
  };

  const example = (l: number, messages: { role: DatasetRole; content: string }[]) => {
    const n = messages.reduce((s, m) => s + Math.ceil(m.content.length / 4) + 4, 0);
    tokens.push(n);
    turns.push(messages.length);
    for (const m of messages) roles[m.role]++;
    const key = JSON.stringify(messages);
    if (seen.has(key)) {
      duplicates++;
      warn(l, "duplicate", "This example repeats an earlier one.");
    } else seen.add(key);
    if (opts.contextLength && n > opts.contextLength) {
      warn(l, "context-length", `About ${n} tokens, over the model's context length of ${opts.contextLength}.`);
    }
    if (preview.length < 3) preview.push({ line: l, messages });
  };

  const checkMessages = (l: number, list: unknown, rule: "messages" | "turns") => {
    if (!Array.isArray(list) || list.length === 0) return error(l, rule, `"${rule}" must be a non-empty list.`);
    const out: { role: DatasetRole; content: string }[] = [];
    for (const [i, m] of list.entries()) {
      const role = (m as { role?: unknown })?.role;
      const content = (m as { content?: unknown })?.content;
      if (typeof role !== "string" || !ROLES.has(role)) return error(l, "role", `${rule}[${i}].role must be system, user, assistant or tool.`);
      if (typeof content !== "string" || content.trim() === "") return error(l, "content", `${rule}[${i}].content must be a non-empty string.`);
      const weight = (m as { weight?: unknown }).weight;
      if (weight !== undefined && weight !== 0 && weight !== 1) return error(l, "weight", `${rule}[${i}].weight must be 0 or 1.`);
      out.push({ role: role as DatasetRole, content });
    }
    if (!out.some((m) => m.role === "assistant")) return error(l, "no-assistant", "An example needs at least one assistant message.");
    example(l, out);
  };

  const onLine = (text: string) => {
    line++;
    const t = text.replace(/\r$/, "");
    if (t.trim() === "") return;
    if (!format) format = t.trimStart().startsWith("{") ? (t.includes('"turns"') ? "conversation" : "openai-chat") : "csv";
    if (format === "csv") {
      const cells = t.split(",");
      if (!csvHeader) {
        csvHeader = cells.map((c) => c.trim().toLowerCase());
        if (!csvHeader.includes("input") || !csvHeader.includes("output")) error(line, "csv-header", "The header needs input and output columns.");
        return;
      }
      const i = cells[csvHeader.indexOf("input")]?.trim() ?? "";
      const o = cells[csvHeader.indexOf("output")]?.trim() ?? "";
      if (!i || !o) return error(line, "csv-row", "input and output must not be empty.");
      return example(line, [
        { role: "user", content: i },
        { role: "assistant", content: o },
      ]);
    }
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch (e) {
      return error(line, "json", `Not valid JSON: ${(e as Error).message}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) return error(line, "not-object", "Each line must be a JSON object.");
    if (format === "conversation") return checkMessages(line, (value as { turns?: unknown }).turns, "turns");
    for (const k of Object.keys(value)) if (!KEYS.has(k)) return error(line, "unknown-key", `Unknown key "${k}".`);
    checkMessages(line, (value as { messages?: unknown }).messages, "messages");
  };

  return {
    push(chunk) {
      bytes += chunk.byteLength;
      rest += decoder.decode(chunk, { stream: true });
      let nl = rest.indexOf("\n");
      while (nl !== -1) {
        onLine(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
        nl = rest.indexOf("\n");
      }
    },
    end() {
      rest += decoder.decode();
      if (rest) onLine(rest);
      if (bytes === 0) error(0, "empty-file", "The file is empty.");
      else if (tokens.length < 10) error(0, "min-examples", `At least 10 examples are needed; found ${tokens.length}.`);
      const sorted = [...tokens].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      const max = sorted.at(-1) ?? 0;
      const width = Math.max(1, Math.ceil((max + 1) / 10));
      const histogram = Array.from({ length: sorted.length ? 10 : 0 }, (_, i) => ({
        from: i * width,
        to: (i + 1) * width,
        count: sorted.filter((n) => n >= i * width && n < (i + 1) * width).length,
      }));
      const total = tokens.reduce((a, b) => a + b, 0);
      const validationExamples = Math.floor(tokens.length * (opts.validationSplit ?? 0));
      const report: DatasetReport = {
        format,
        ok: totalErrors === 0,
        errors,
        errorCounts,
        totalErrors,
        warnings,
        warningCounts,
        totalWarnings,
        stats: {
          bytes,
          lines: line,
          examples: tokens.length,
          trainExamples: tokens.length - validationExamples,
          validationExamples,
          tokenizer: "estimate (placeholder)",
          totalTokens: total,
          tokensPerExample: { min: sorted[0] ?? 0, max, mean: tokens.length ? total / tokens.length : 0, p50: at(0.5), p90: at(0.9) },
          histogram,
          turnsPerExample: {
            min: turns.reduce((m, t) => Math.min(m, t), turns[0] ?? 0),
            max: turns.reduce((m, t) => Math.max(m, t), 0),
            mean: turns.length ? turns.reduce((a, b) => a + b, 0) / turns.length : 0,
          },
          roles,
          duplicates,
        },
        preview,
      };
      return report;
    },
    progress(): DatasetValidatorProgress {
      return { bytes, lines: line };
    },
  };
}

export async function validateDatasetStream(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  opts?: DatasetValidatorOptions,
  onProgress?: (p: DatasetValidatorProgress) => void,
): Promise<DatasetReport> {
  const v = createDatasetValidator(opts);
  const iterable: AsyncIterable<Uint8Array> =
    Symbol.asyncIterator in source ? source : (source as ReadableStream<Uint8Array>).values();
  for await (const chunk of iterable) {
    v.push(chunk);
    onProgress?.(v.progress());
  }
  return v.end();
}
