/**
 * What the offline model says about attached files: for a text file, what a quick look tells (its
 * size in lines and words, and how it begins); for an image, honestly, that it cannot see it.
 */
import type { AttachedFile } from "@/lib/chat/attachment-content";
import { textStats } from "@/lib/chat/attachment-content";

const FIRST_LINES = 5;
const MAX_LINE_CHARS = 200;

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/** A fence longer than any run of backticks inside, so the file's own ``` cannot close it. */
function fenced(text: string, info: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

function describeText(file: AttachedFile & { content: string }): string {
  const counted = textStats(file.content);
  const lines = file.lines ?? counted.lines;
  const words = file.words ?? counted.words;
  const head = file.content
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .slice(0, FIRST_LINES)
    .map((l) => (l.length > MAX_LINE_CHARS ? `${l.slice(0, MAX_LINE_CHARS)}…` : l));
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  const more = lines > FIRST_LINES ? `The first ${FIRST_LINES} lines:` : "All of it:";
  return [
    `**${file.name}** (${file.type}) has ${plural(lines, "line")} and ${plural(words, "word")}.${file.truncated ? ` It is long: ${file.truncated}.` : ""} ${more}`,
    fenced(head.join("\n"), ext),
  ].join("\n\n");
}

function describeOther(file: AttachedFile): string {
  if (file.type.startsWith("image/")) {
    return `I can't see images, so I can't tell you what **${file.name}** shows — it reached me by its name only. To ask about an image, pick a model that accepts images in the model selector.`;
  }
  return `**${file.name}** is no longer available${file.omitted ? ` (${file.omitted})` : ""}, so I can't read it.`;
}

/** The answer to a message with attachments. */
export function attachmentAnswer(files: AttachedFile[], question: string): string {
  const asked = question.trim().replace(/\s+/g, " ");
  const intro = `I'm Radium's **offline model**: I can read the text files you attach, though not reason about them the way a hosted model would.${
    asked ? ` You asked: _${asked.length > 160 ? `${asked.slice(0, 160)}…` : asked}_ — here is what I can tell you.` : " Here is what I found."
  }`;
  const described = files.map((f) => (f.content !== null ? describeText({ ...f, content: f.content }) : describeOther(f)));
  return [intro, ...described].join("\n\n");
}
