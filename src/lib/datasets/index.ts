export { isValidationExample, MAX_VALIDATION_SPLIT } from "./split";
export { TOKENIZER } from "./tokens";
export * from "./types";
export {
  createDatasetValidator,
  DEFAULT_MAX_ISSUES,
  DEFAULT_MAX_LINE_BYTES,
  MIN_EXAMPLES,
  validateDatasetStream,
} from "./validator";
