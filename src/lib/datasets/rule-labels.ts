import type { DatasetRule } from "./types";

/** Short names for the per-rule counts a report lists ("Unknown role: 12 lines"). */
export const DATASET_RULE_LABELS: Record<DatasetRule, string> = {
  "empty-file": "Empty file",
  format: "Unrecognised format",
  encoding: "Invalid UTF-8 or Unicode",
  json: "Invalid JSON",
  "line-too-long": "Line too long",
  "not-object": "Line is not an object",
  "unknown-key": "Unknown key",
  messages: "Malformed messages",
  turns: "Malformed conversation",
  role: "Unknown or missing role",
  content: "Missing or empty content",
  "no-assistant": "No assistant message",
  weight: "Weight not 0 or 1",
  "csv-header": "CSV header",
  "csv-row": "Malformed CSV row",
  "min-examples": "Too few examples",
  "context-length": "Longer than the context",
  duplicate: "Duplicate example",
};
