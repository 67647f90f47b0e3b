// The dataset validator, the same in the browser (a Web Worker, before upload) and on the server (after it).
// Importing this index loads the tokenizer (gpt-tokenizer's o200k_base tables: ~2.4 MB of code, ~50 MB of
// memory, most of a second to build): code outside the worker that only needs the types or the rule labels
// imports "@/lib/datasets/types" and "@/lib/datasets/rule-labels" instead.
export { DATASET_RULE_LABELS } from "./rule-labels";
export { isValidationExample, MAX_VALIDATION_SPLIT } from "./split";
export { EXACT_HEAD_BYTES, SAMPLE_EVERY } from "./token-stats";
export { TOKENIZER } from "./tokens";
export * from "./types";
export {
  createDatasetValidator,
  DEFAULT_MAX_ISSUES,
  DEFAULT_MAX_LINE_BYTES,
  MIN_EXAMPLES,
  validateDatasetStream,
} from "./validator";
