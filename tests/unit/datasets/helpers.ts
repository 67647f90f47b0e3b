// Builders for validator tests: lines, files and a runner that can cut the bytes into any chunks.
import { createDatasetValidator } from "@/lib/datasets/validator";
import type { DatasetReport, DatasetValidatorOptions } from "@/lib/datasets/types";

export const encoder = new TextEncoder();

export type Msg = Record<string, unknown>;

export const sys = (content: string): Msg => ({ role: "system", content });
export const user = (content: string): Msg => ({ role: "user", content });
export const bot = (content: string, extra: Msg = {}): Msg => ({ role: "assistant", content, ...extra });

export function chatLine(messages: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ messages, ...extra });
}

/** n distinct valid chat lines. */
export function validChatLines(n: number, prefix = "q"): string[] {
  return Array.from({ length: n }, (_, i) =>
    chatLine([sys("Be brief."), user(`${prefix} ${i}?`), bot(`Answer ${i}.`)]),
  );
}

export function conversationLine(id: unknown, turns: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ conversation_id: id, turns, ...extra });
}

export function validConversationLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => conversationLine(`c${i}`, [user(`Question ${i}`), bot(`Reply ${i}`)]));
}

export function bytesOf(input: string | Uint8Array | (string | Uint8Array)[]): Uint8Array {
  if (typeof input === "string") return encoder.encode(input);
  if (input instanceof Uint8Array) return input;
  const parts = input.map((p) => (typeof p === "string" ? encoder.encode(p) : p));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Validates the bytes pushed in chunks of the given sizes (cycled), or in one piece. */
export function validate(
  input: string | Uint8Array | (string | Uint8Array)[],
  options: DatasetValidatorOptions = {},
  chunkSizes: number[] = [],
): DatasetReport {
  const bytes = bytesOf(input);
  const v = createDatasetValidator(options);
  if (chunkSizes.length === 0) v.push(bytes);
  else {
    let at = 0;
    for (let i = 0; at < bytes.length; i++) {
      const size = Math.max(1, chunkSizes[i % chunkSizes.length]!);
      v.push(bytes.subarray(at, at + size));
      at += size;
    }
  }
  return v.end();
}

/** Lines joined into a file with a final newline. */
export const file = (lines: string[], eol = "\n") => `${lines.join(eol)}${eol}`;

/** The rules of the kept errors, in order. */
export const errorRules = (r: DatasetReport) => r.errors.map((e) => e.rule);
export const errorAt = (r: DatasetReport, line: number) => r.errors.filter((e) => e.line === line);

/** Deterministic PRNG for fuzzing and random chunking. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
