/**
 * Input schemas shared by every procedure and route that takes text or dates. The database cannot
 * store a NUL character, a lone UTF-16 surrogate, or a timestamp far outside its range: such input
 * is refused here with a 400 instead of failing in SQL (whose error would name the query).
 */
import { z } from "zod";

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const NUL = /\u0000/;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const NUL_MESSAGE = "Text must not contain NUL characters.";
export const SURROGATE_MESSAGE = "Text must be valid Unicode (it contains a lone surrogate).";

/** True when the string can be stored as text: no NUL and no lone surrogate. */
export function isStorableText(s: string): boolean {
  return !NUL.test(s) && !LONE_SURROGATE.test(s);
}

/**
 * Every text input starts here; chain length limits and `.trim()` on it as on `z.string()`
 * (`safeText().trim().min(1).max(120)`).
 */
export function safeText() {
  return z
    .string()
    .refine((s) => !NUL.test(s), { error: NUL_MESSAGE })
    .refine((s) => !LONE_SURROGATE.test(s), { error: SURROGATE_MESSAGE });
}

/** Dates the app stores: far from the database's limits, and far beyond any real timestamp. */
export const MIN_DATE = new Date("2000-01-01T00:00:00.000Z");
export const MAX_DATE = new Date("2100-01-01T00:00:00.000Z");
const DATE_RANGE_MESSAGE = "Date must be between 2000 and 2100.";

/** A Date (or a string/number that parses as one) between MIN_DATE and MAX_DATE. */
export function boundedDate() {
  return z.coerce
    .date({ error: "Expected a date." })
    .min(MIN_DATE, { error: DATE_RANGE_MESSAGE })
    .max(MAX_DATE, { error: DATE_RANGE_MESSAGE });
}
