/**
 * What is inside an attachment, read from its bytes (the upload route trusts neither a file's name
 * nor its declared type), and how a model is given it: a text file, or an image the model cannot
 * see, becomes a text part wrapped in an <attached-file> element that any model reads, and that the
 * offline model parses back (parseAttachedFile).
 */
import type { ImageType } from "./attachments";

/** The image type a file's first bytes say it is, or null when it is none of the allowed ones. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (at(0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (at(0, [0x47, 0x49, 0x46, 0x38]) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "image/gif";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "image/webp";
  return null;
}

/** A text file's content: valid UTF-8 without NUL characters (a binary file has them), BOM dropped; else null. */
export function decodeTextFile(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  return text.includes("\u0000") ? null : text;
}

export function textStats(text: string): { lines: number; words: number } {
  const body = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  return { lines: body === "" ? 0 : body.split("\n").length, words: (body.match(/\S+/g) ?? []).length };
}

/** At most this much of one text file goes into a prompt (about 16k tokens): four files stay well inside a context. */
export const MAX_INLINE_CHARS = 64_000;

const TAG = "attached-file";

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${JSON.stringify(String(v))}`)
    .join(" ");
}

/** A text file as a model reads it: its name, type and counts, then its content (the start of it, when long). */
export function attachedTextFile(file: { filename: string; mediaType: string; text: string }): string {
  const { lines, words } = textStats(file.text);
  const chars = Array.from(file.text);
  const cut = chars.length > MAX_INLINE_CHARS;
  const shown = cut ? chars.slice(0, MAX_INLINE_CHARS).join("") : file.text;
  const head = attrs({
    name: file.filename,
    type: file.mediaType,
    lines,
    words,
    ...(cut ? { truncated: `only the first ${MAX_INLINE_CHARS} of ${chars.length} characters are shown` } : {}),
  });
  return `<${TAG} ${head}>\n${shown.replace(/\n$/, "")}\n</${TAG}>`;
}

/** An image given to a model that cannot see images: only that it is there, and what it is called. */
export function attachedUnseenImage(file: { filename: string; mediaType: string; size: number }): string {
  return `<${TAG} ${attrs({ name: file.filename, type: file.mediaType, bytes: file.size, omitted: "this model cannot see images" })}>\n</${TAG}>`;
}

/** An attachment that can no longer be read (deleted, or no longer shared with this reader). */
export function attachedMissingFile(file: { filename: string; mediaType: string }): string {
  return `<${TAG} ${attrs({ name: file.filename, type: file.mediaType, omitted: "the file is no longer available" })}>\n</${TAG}>`;
}

export interface AttachedFile {
  name: string;
  type: string;
  /** Set for a text file. */
  content: string | null;
  lines: number | null;
  words: number | null;
  /** Why the content is not there (an image the model cannot see, a file gone). */
  omitted: string | null;
  truncated: string | null;
}

const ELEMENT = new RegExp(`^<${TAG}((?:\\s+\\w+="(?:[^"\\\\]|\\\\.)*")*)>\\n([\\s\\S]*?)\\n?</${TAG}>$`);
const ATTR = /(\w+)=("(?:[^"\\]|\\.)*")/g;

/** The file a prompt's text part carries, or null for ordinary text. */
export function parseAttachedFile(text: string): AttachedFile | null {
  const m = ELEMENT.exec(text);
  if (!m) return null;
  const a: Record<string, string> = {};
  for (const [, key, raw] of m[1]!.matchAll(ATTR)) {
    try {
      a[key!] = String(JSON.parse(raw!));
    } catch {
      return null;
    }
  }
  if (a.name === undefined || a.type === undefined) return null;
  const num = (v: string | undefined) => (v === undefined || !/^\d+$/.test(v) ? null : Number(v));
  const omitted = a.omitted ?? null;
  return {
    name: a.name,
    type: a.type,
    content: omitted === null ? m[2]! : null,
    lines: num(a.lines),
    words: num(a.words),
    omitted,
    truncated: a.truncated ?? null,
  };
}

export function isAttachedFileText(text: string): boolean {
  return text.startsWith(`<${TAG} `) && parseAttachedFile(text) !== null;
}
