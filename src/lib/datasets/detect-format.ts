/**
 * The format is read from the content (the first line with text on it that tells); the file name only breaks
 * ties for text that could be either, e.g. a first line that is not JSON in a file named *.jsonl.
 */
import { isPlainObject } from "./describe";
import type { DatasetFormat } from "./types";

export type Detection = { format: DatasetFormat } | { format: null; message: string };

export const UNKNOWN_FORMAT_MESSAGE =
  'Unrecognised format: expected JSON Lines (one {"messages": […]} or {"conversation_id": …, "turns": […]} ' +
  "object per line) or CSV with input and output columns";

const CSV_DELIMITERS = /[,\t;|]/;

function hintOf(fileName: string | undefined): "csv" | "jsonl" | null {
  const name = fileName?.toLowerCase() ?? "";
  if (/\.(csv|tsv)$/.test(name)) return "csv";
  if (/\.(jsonl|ndjson|json)$/.test(name)) return "jsonl";
  return null;
}

function jsonlFormat(line: string): DatasetFormat {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // A broken first line: its keys still tell which format it meant.
    const conversation = line.includes('"turns"') || line.includes('"conversation_id"');
    return conversation && !line.includes('"messages"') ? "conversation" : "openai-chat";
  }
  if (isPlainObject(value) && value.messages === undefined) {
    if (value.turns !== undefined || value.conversation_id !== undefined) return "conversation";
  }
  return "openai-chat";
}

/**
 * `line` is a line with text on it, decoded. Null when it does not tell (a bare word, say, with no file name
 * to go by): the caller looks at the next line, and settles on UNKNOWN_FORMAT_MESSAGE if none tells.
 */
export function detectFormat(line: string, fileName?: string): Detection | null {
  const text = line.trimStart();
  if (text.startsWith("{")) return { format: jsonlFormat(text) };
  if (text.startsWith("[")) {
    return { format: null, message: "The file looks like a JSON array; expected JSON Lines: one JSON object per line" };
  }
  const hint = hintOf(fileName);
  if (hint === "csv" || CSV_DELIMITERS.test(text)) return { format: "csv" };
  if (hint === "jsonl") return { format: "openai-chat" };
  return null;
}

/** Files that are not text at all, told by their first bytes, with what to do instead. */
export function sniffBinary(firstLine: Uint8Array): string | null {
  const [a, b, c] = firstLine;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return "The file is UTF-16 text; save it as UTF-8";
  if (a === 0x1f && b === 0x8b) return "The file is gzip-compressed; upload the uncompressed JSONL or CSV";
  if (a === 0x50 && b === 0x4b && c === 0x03) {
    return "The file is a ZIP archive (an Excel workbook?); upload JSONL or CSV";
  }
  return null;
}
