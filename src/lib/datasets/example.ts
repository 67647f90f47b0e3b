import type { DatasetRole } from "./types";

/** One message of an example, whatever the file's format; what the statistics, preview and fingerprint read. */
export interface ExampleMessage {
  role: DatasetRole;
  content: string;
  name?: string;
  weight?: number;
}

/** A line (or CSV record) that passed its format's structural rules. */
export interface Example {
  line: number;
  messages: ExampleMessage[];
  /** Tool definitions and tool calls as JSON: they count as tokens and belong to the duplicate fingerprint. */
  extras: string[];
  /** The line's (or CSV record's) size in bytes: what sampled token statistics estimate from. */
  bytes: number;
  /**
   * An upper bound of the example's tokens that costs nothing to compute: a token is at least one UTF-8 byte,
   * so when the bound is within the context length the exact count is not needed for that rule.
   */
  tokenBound: number;
}

/** Chat formatting tokens OpenAI's counting recipe adds: per message, and once to prime the reply. */
export const TOKENS_PER_MESSAGE = 3;
export const TOKENS_PER_NAME = 1;
export const REPLY_PRIMING_TOKENS = 3;
/** Every role is a single o200k_base token (checked in the tokenizer tests). */
export const ROLE_TOKENS = 1;

/**
 * A bound from string lengths alone: a UTF-16 code unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units,
 * is 4 bytes), and a token is at least one byte.
 */
export function lengthTokenBound(messages: readonly ExampleMessage[], extras: readonly string[]): number {
  let bound = REPLY_PRIMING_TOKENS;
  for (const m of messages) {
    bound += TOKENS_PER_MESSAGE + ROLE_TOKENS + 3 * m.content.length;
    if (m.name !== undefined) bound += TOKENS_PER_NAME + 3 * m.name.length;
  }
  for (const e of extras) bound += 3 * e.length;
  return bound;
}
