/**
 * Token counts when an upstream reports none: gpt-tokenizer's o200k encoding, close enough to bill
 * and limit by (an open model's own tokenizer differs by a few percent). Loaded on first use: the
 * encoding tables are a few MB of JavaScript.
 */
import type { ChatMessage } from "./request";
import { messageText } from "./request";

type Tokenizer = typeof import("gpt-tokenizer");
let loaded: Tokenizer | undefined;
let loading: Promise<Tokenizer> | undefined;

export async function tokenizer(): Promise<Tokenizer> {
  if (loaded) return loaded;
  loading ??= import("gpt-tokenizer").then((m) => {
    loaded = m;
    return m;
  });
  return loading;
}

// Special-token text such as "<|endoftext|>" is counted as ordinary text, never refused.
const PLAIN = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

export async function countText(text: string): Promise<number> {
  if (!text) return 0;
  return (await tokenizer()).encode(text, PLAIN).length;
}

/** Per message: its text plus OpenAI's ~4 tokens of framing; plus 3 priming the reply. */
export async function countPrompt(messages: ChatMessage[]): Promise<number> {
  const t = await tokenizer();
  let n = 3;
  for (const m of messages) n += 4 + t.encode(messageText(m), PLAIN).length;
  return n;
}

/** The first `max` tokens of `text`, and whether it was cut. */
export async function truncateTokens(text: string, max: number): Promise<{ text: string; tokens: number; cut: boolean }> {
  const t = await tokenizer();
  const ids = t.encode(text, PLAIN);
  if (ids.length <= max) return { text, tokens: ids.length, cut: false };
  return { text: t.decode(ids.slice(0, Math.max(0, max))), tokens: Math.max(0, max), cut: true };
}
