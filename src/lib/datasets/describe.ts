/** Small helpers that keep issue messages short and engine-independent (the browser and Node must agree). */

/** "a string", "a list", "null"… for messages such as `content is a list, not a string`. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}

/** A user-supplied string quoted for a message, cut so a huge key or role cannot blow up the report. */
export function quote(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/**
 * JSON text of parsed JSON, or null when it is nested too deeply to write back: JSON.parse accepts any depth,
 * JSON.stringify recurses and runs out of stack (a line of a million "[" must give an error, not a crash).
 */
export function toJson(value: unknown): string | null {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

const NOT_SPACE = /\S/;

/** Empty or only white space (the set String.prototype.trim removes), found without making a trimmed copy. */
export function isBlank(text: string): boolean {
  return !NOT_SPACE.test(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const LONE_SURROGATE = /\p{Surrogate}/u;
type WellFormedCheck = (text: string) => boolean;
const nativeWellFormed: WellFormedCheck | undefined =
  typeof String.prototype.isWellFormed === "function" ? (text) => text.isWellFormed() : undefined;

/**
 * False when a string holds an unpaired UTF-16 surrogate (JSON allows "\ud800" escapes; UTF-8 cannot encode
 * them, so trainers reject or mangle them). In a `u` regex a valid pair is one code point, so only lone
 * halves match; the native check is used where the engine has it.
 */
export const isWellFormedText: WellFormedCheck = nativeWellFormed ?? ((text) => !LONE_SURROGATE.test(text));

/** "1.5 MiB", "812 KiB", "96 B". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
