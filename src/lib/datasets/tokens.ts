/**
 * Token counts with gpt-tokenizer's o200k_base (the GPT-4o family's encoding), bundled, so counting works
 * offline and the same in the browser and in Node. An example's count follows OpenAI's counting recipe for
 * chat: every message adds 3 formatting tokens plus its role (and 1 plus its name), and 3 prime the reply;
 * tool definitions and tool calls are counted as their JSON.
 */
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { LRUCache } from "lru-cache";
import type { Example } from "./example";
import { REPLY_PRIMING_TOKENS, ROLE_TOKENS, TOKENS_PER_MESSAGE, TOKENS_PER_NAME } from "./example";

export const TOKENIZER = "o200k_base (gpt-tokenizer)";

// Training data is text: "<|endoftext|>" in a message is counted as the characters it is (not one special
// token, and not an exception as the library's default would have it).
const AS_TEXT = { disallowedSpecial: new Set<string>() };

// System prompts and stock replies repeat across a file's examples; counting each distinct one once is exact
// and often saves a large share of the work. A small LRU, so a prompt repeated every example stays while
// one-off texts pass through; at most 256 × 8192 chars held.
const CACHE_ENTRIES = 256;
const CACHE_MAX_CHARS = 8192;
const counted = new LRUCache<string, number>({ max: CACHE_ENTRIES, memoMethod: (text) => countTokens(text, AS_TEXT) });

export function countTextTokens(text: string): number {
  if (text.length === 0) return 0;
  if (text.length > CACHE_MAX_CHARS) return countTokens(text, AS_TEXT);
  return counted.memo(text);
}

export function countExampleTokens(example: Example): number {
  let tokens = REPLY_PRIMING_TOKENS;
  for (const m of example.messages) {
    tokens += TOKENS_PER_MESSAGE + ROLE_TOKENS + countTextTokens(m.content);
    if (m.name !== undefined) tokens += TOKENS_PER_NAME + countTextTokens(m.name);
  }
  for (const extra of example.extras) tokens += countTextTokens(extra);
  return tokens;
}
