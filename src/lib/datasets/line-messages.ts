/** How a bad JSON line is described, and how a good example is shown in the preview. */
import type { Example } from "./example";
import type { DatasetPreviewExample } from "./types";

// The preview is stored with the dataset and drawn as chat bubbles: long texts and conversations are cut.
const PREVIEW_MESSAGES = 20;
const PREVIEW_CHARS = 2000;

/** True when the text ends inside a string or an open object or list (only run on lines that failed to parse). */
function endsOpen(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** Said without the engine's own wording, which differs between browsers and Node. */
export function jsonErrorMessage(text: string): string {
  const t = text.trim();
  if (!t.startsWith("{") && !t.startsWith("[")) return "Not valid JSON: each line must be one JSON object";
  if (endsOpen(t)) return "Not valid JSON: the line ends before its object does (cut off?)";
  return "Not valid JSON";
}

export function toPreview(example: Example): DatasetPreviewExample {
  return {
    line: example.line,
    messages: example.messages.slice(0, PREVIEW_MESSAGES).map((m) => ({
      role: m.role,
      content: m.content.length > PREVIEW_CHARS ? `${m.content.slice(0, PREVIEW_CHARS)}…` : m.content,
    })),
  };
}
