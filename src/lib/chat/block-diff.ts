/** Block-level diff of markdown, so a text version's changes can be shown rendered rather than as raw markdown. */
import { diffArrays } from "diff";
import type { WordSegment } from "./diff";

export interface DiffBlock {
  type: "added" | "removed" | "same";
  /** One markdown block (a paragraph, heading, list, table or fenced code block). */
  text: string;
}

/** Splits markdown at blank lines, keeping a fenced code block (which may hold blank lines) whole. */
export function markdownBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  const push = () => {
    if (current.some((l) => l.trim() !== "")) blocks.push(current.join("\n").trim());
    current = [];
  };
  for (const line of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
    if (line.trim() === "" && fence === null) push();
    else current.push(line);
  }
  push();
  return blocks;
}

/** Which blocks were added, removed or kept, in reading order (a changed block is removed then added). */
export function blockDiff(previous: string, next: string): DiffBlock[] {
  return diffArrays(markdownBlocks(previous), markdownBlocks(next)).flatMap((change) =>
    change.value.map((text) => ({ type: change.added ? "added" : change.removed ? "removed" : "same", text }) as DiffBlock),
  );
}

/** Words (not whitespace) in the added and removed segments of a word diff: what the highlight shows. */
export function wordChangeCounts(segments: readonly WordSegment[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const s of segments) {
    if (s.type === "same") continue;
    const words = s.text.split(/\s+/).filter(Boolean).length;
    if (s.type === "added") added += words;
    else removed += words;
  }
  return { added, removed };
}
