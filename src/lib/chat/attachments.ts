/**
 * Chat attachments: what may be attached and how much, decided in one place for the composer (which
 * refuses a file before uploading it) and the upload route (which refuses it again, from the bytes).
 * Images go to models that can see them; text files are read as UTF-8 and given to any model as text.
 */
import { formatBytes } from "@/lib/datasets/upload-target";

export const MAX_ATTACHMENTS = 4;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_BYTES = 512 * 1024;
/** A file name as the user gave it, kept for display and for the model. */
export const MAX_FILENAME_CHARS = 255;

export type AttachmentKind = "image" | "text";

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

const IMAGE_EXTENSIONS: Record<string, ImageType> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

// Text files by extension (browsers give .md, .ts or .py no type, or a wrong one such as video/mp2t for
// .ts). Served and sent as text/*: code and data files as text/plain, their name says the language.
const TEXT_MEDIA: Record<string, string> = { md: "text/markdown", markdown: "text/markdown", csv: "text/csv", tsv: "text/tab-separated-values" };
const TEXT_EXTENSIONS = new Set([
  ...Object.keys(TEXT_MEDIA),
  ...["txt", "text", "log", "json", "jsonl", "ndjson", "yaml", "yml", "toml", "ini", "cfg", "conf", "xml", "html", "htm", "css", "scss"],
  ...["js", "jsx", "mjs", "cjs", "ts", "tsx", "py", "rb", "go", "rs", "java", "kt", "kts", "c", "h", "cc", "cpp", "hpp", "cs", "php"],
  ...["swift", "sh", "bash", "zsh", "sql", "r", "lua", "pl", "scala", "dart", "vue", "svelte", "tex", "rst", "diff", "patch", "graphql", "proto"],
]);
/** Files without a known extension are still text when the browser says so plainly. */
const PLAIN_TEXT_TYPES = new Set(["text/plain", "text/markdown", "text/csv"]);

/** For the file picker: what it offers first (any file can still be chosen, and is checked). */
export const ATTACHMENT_ACCEPT = [...IMAGE_TYPES, ...[...TEXT_EXTENSIONS].map((e) => `.${e}`)].join(",");

export const ATTACHMENT_URL_PREFIX = "/api/chat/attachments/";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where an attachment is read: our own route, never another address. */
export function attachmentUrl(id: string): string {
  return `${ATTACHMENT_URL_PREFIX}${id}`;
}

/** The attachment a message's file part names, or null for any url that is not our attachment route. */
export function attachmentIdOf(url: string): string | null {
  if (!url.startsWith(ATTACHMENT_URL_PREFIX)) return null;
  const id = url.slice(ATTACHMENT_URL_PREFIX.length);
  return UUID.test(id) ? id : null;
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export type AttachmentCheck =
  | { ok: true; kind: AttachmentKind; mediaType: string; maxBytes: number }
  | { ok: false; code: "unsupported_type" | "too_large" | "empty"; message: string };

const KINDS_SENTENCE = "attach PNG, JPEG, WebP or GIF images, or text files such as .txt, .md, .csv, .json or code";

/** The kind and media type a file is attached as, from its name and declared type, or why it cannot be. */
export function classifyAttachment(file: { name: string; type: string }): { kind: AttachmentKind; mediaType: string } | null {
  const ext = extensionOf(file.name);
  const declared = file.type.split(";")[0]!.trim().toLowerCase();
  const image = IMAGE_EXTENSIONS[ext] ?? (IMAGE_TYPES as readonly string[]).find((t) => t === declared);
  if (image) return { kind: "image", mediaType: image };
  if (TEXT_EXTENSIONS.has(ext)) return { kind: "text", mediaType: TEXT_MEDIA[ext] ?? "text/plain" };
  if (PLAIN_TEXT_TYPES.has(declared)) return { kind: "text", mediaType: declared };
  return null;
}

/** Whether a file may be attached, with a sentence naming it when it may not. */
export function checkAttachment(file: { name: string; type: string; size: number }): AttachmentCheck {
  const kind = classifyAttachment(file);
  if (!kind) return { ok: false, code: "unsupported_type", message: `"${file.name}" can't be attached: ${KINDS_SENTENCE}.` };
  if (file.size === 0) return { ok: false, code: "empty", message: `"${file.name}" is empty.` };
  const maxBytes = kind.kind === "image" ? MAX_IMAGE_BYTES : MAX_TEXT_BYTES;
  if (file.size > maxBytes) return { ok: false, code: "too_large", message: tooLargeMessage(file.name, file.size, kind.kind) };
  return { ok: true, ...kind, maxBytes };
}

export function tooLargeMessage(name: string, size: number | null, kind: AttachmentKind): string {
  const max = kind === "image" ? MAX_IMAGE_BYTES : MAX_TEXT_BYTES;
  const what = kind === "image" ? "images" : "text files";
  // Just over the limit rounds to the limit itself: "over 5 MB" then, never "5 MB is too large".
  const shown = size === null ? null : formatBytes(size) === formatBytes(max) ? `over ${formatBytes(max)}` : formatBytes(size);
  return `"${name}" is too large${shown ? ` (${shown})` : ""}: ${what} can be at most ${formatBytes(max)}.`;
}

export const TOO_MANY_MESSAGE = `A message can have at most ${MAX_ATTACHMENTS} attachments.`;

/** How many of `adding` fit beside `existing` files, and the sentence for the rest. */
export function fitAttachments<T>(existing: number, adding: T[]): { accepted: T[]; refused: number; message: string | null } {
  const room = Math.max(0, MAX_ATTACHMENTS - existing);
  const accepted = adding.slice(0, room);
  const refused = adding.length - accepted.length;
  return { accepted, refused, message: refused > 0 ? `${TOO_MANY_MESSAGE} ${refused === 1 ? "One file was" : `${refused} files were`} left out.` : null };
}

/** A file name as shown and stored: its last path segment, without control characters, at most 255 characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  // By code point, so a cut never leaves half a surrogate pair.
  return Array.from(clean).slice(0, MAX_FILENAME_CHARS).join("") || "file";
}

/** File names of a message, for titling a chat whose first message is files only. */
export function attachmentNames(parts: ReadonlyArray<{ type: string; filename?: string }>): string {
  return parts.flatMap((p) => (p.type === "file" && p.filename ? [p.filename] : [])).join(", ");
}

export { formatBytes };
