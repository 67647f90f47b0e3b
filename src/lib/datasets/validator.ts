// PLACEHOLDER (Helper B): a crude stand-in for Helper V's validator with the same signature, so the
// server side typechecks and its tests run before V lands. Dropped at merge.
import type {
  DatasetIssue,
  DatasetPreviewExample,
  DatasetReport,
  DatasetRole,
  DatasetRule,
  DatasetValidatorOptions,
  DatasetValidatorProgress,
} from "./types";

function count(map: Partial<Record<DatasetRule, number>>, rule: DatasetRule) {
  map[rule] = (map[rule] ?? 0) + 1;
}

export async function validateDatasetStream(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options: DatasetValidatorOptions = {},
  onProgress?: (progress: DatasetValidatorProgress) => void,
): Promise<DatasetReport> {
  const decoder = new TextDecoder();
  const maxIssues = options.maxIssues ?? 100;
  const errors: DatasetIssue[] = [];
  const errorCounts: Partial<Record<DatasetRule, number>> = {};
  const preview: DatasetPreviewExample[] = [];
  const roles: Record<DatasetRole, number> = { system: 0, user: 0, assistant: 0, tool: 0 };
  const tokens: number[] = [];
  let bytes = 0;
  let lines = 0;
  let rest = "";
  const fail = (line: number, rule: DatasetRule, message: string) => {
    count(errorCounts, rule);
    if (errors.length < maxIssues) errors.push({ line, rule, message });
  };
  const take = (text: string) => {
    lines++;
    const line = lines;
    if (!text.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return fail(line, "json", "Not valid JSON.");
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) return fail(line, "not-object", "Not an object.");
    const messages = "messages" in value ? value.messages : undefined;
    if (!Array.isArray(messages) || messages.length === 0) return fail(line, "messages", "No messages list.");
    const kept: { role: DatasetRole; content: string }[] = [];
    for (const m of messages) {
      const role = m?.role;
      if (role !== "system" && role !== "user" && role !== "assistant" && role !== "tool") return fail(line, "role", "Unknown role.");
      if (typeof m.content !== "string" || !m.content) return fail(line, "content", "Empty content.");
      kept.push({ role, content: m.content });
    }
    if (!kept.some((m) => m.role === "assistant")) return fail(line, "no-assistant", "No assistant message.");
    for (const m of kept) roles[m.role]++;
    tokens.push(Math.ceil(kept.reduce((n, m) => n + m.content.length, 0) / 4));
    if (preview.length < 3) preview.push({ line, messages: kept });
  };
  const push = (chunk: Uint8Array) => {
    bytes += chunk.byteLength;
    const parts = (rest + decoder.decode(chunk, { stream: true })).split("\n");
    rest = parts.pop() ?? "";
    for (const p of parts) take(p);
    onProgress?.({ bytes, lines });
  };
  if ("getReader" in source) {
    const reader = source.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      push(value);
    }
  } else {
    for await (const chunk of source) push(chunk);
  }
  rest += decoder.decode();
  if (rest) take(rest);
  if (tokens.length < 10) fail(0, "min-examples", "At least 10 examples are needed.");
  const total = tokens.reduce((a, b) => a + b, 0);
  const sorted = [...tokens].sort((a, b) => a - b);
  const totalErrors = Object.values(errorCounts).reduce((a, b) => a + (b ?? 0), 0);
  return {
    format: "openai-chat",
    ok: totalErrors === 0,
    errors,
    errorCounts,
    totalErrors,
    warnings: [],
    warningCounts: {},
    totalWarnings: 0,
    stats: {
      bytes,
      lines,
      examples: tokens.length,
      trainExamples: tokens.length,
      validationExamples: 0,
      tokenizer: "placeholder (characters / 4)",
      totalTokens: total,
      tokensPerExample: {
        min: sorted[0] ?? 0,
        max: sorted.at(-1) ?? 0,
        mean: tokens.length ? total / tokens.length : 0,
        p50: sorted[Math.floor(sorted.length / 2)] ?? 0,
        p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0,
      },
      histogram: [],
      turnsPerExample: { min: 0, max: 0, mean: 0 },
      roles,
      duplicates: 0,
    },
    preview,
  };
}
