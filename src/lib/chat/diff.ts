/** Diffs between document versions, shaped for the artifact panel's diff view. */
import { diffLines, diffWordsWithSpace } from "diff";

export type DiffLine =
  | { type: "added" | "removed" | "same"; text: string; oldNo: number | null; newNo: number | null }
  | { type: "skip"; count: number };

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Line-by-line diff with line numbers on both sides. */
export function lineDiff(previous: string, next: string): Array<Exclude<DiffLine, { type: "skip" }>> {
  const out: Array<Exclude<DiffLine, { type: "skip" }>> = [];
  let oldNo = 1;
  let newNo = 1;
  // A missing final newline must not make the last line count as changed.
  const withEol = (v: string) => (v === "" || v.endsWith("\n") ? v : `${v}\n`);
  for (const change of diffLines(withEol(previous), withEol(next))) {
    for (const text of splitLines(change.value)) {
      if (change.added) out.push({ type: "added", text, oldNo: null, newNo: newNo++ });
      else if (change.removed) out.push({ type: "removed", text, oldNo: oldNo++, newNo: null });
      else out.push({ type: "same", text, oldNo: oldNo++, newNo: newNo++ });
    }
  }
  return out;
}

/** Folds long unchanged runs, keeping `context` lines around each change. */
export function collapseUnchanged(lines: ReadonlyArray<Exclude<DiffLine, { type: "skip" }>>, context = 3): DiffLine[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, i) => {
    if (line.type === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j++) keep[j] = true;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped > 0) out.push({ type: "skip", count: skipped });
      skipped = 0;
      out.push(line);
    } else skipped += 1;
  });
  if (skipped > 0) out.push({ type: "skip", count: skipped });
  return out;
}

export interface WordSegment {
  type: "added" | "removed" | "same";
  text: string;
}

/** Word-level diff for prose, whitespace kept so the text reads naturally. */
export function wordDiff(previous: string, next: string): WordSegment[] {
  return diffWordsWithSpace(previous, next).map((c) => ({
    type: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

export interface DiffSummary {
  added: number;
  removed: number;
  label: string;
}

/** "+3 −1 lines", or "No changes". */
export function summarizeDiff(previous: string, next: string): DiffSummary {
  let added = 0;
  let removed = 0;
  for (const line of lineDiff(previous, next)) {
    if (line.type === "added") added += 1;
    else if (line.type === "removed") removed += 1;
  }
  const label =
    added === 0 && removed === 0 ? "No changes" : `+${added} −${removed} ${added + removed === 1 ? "line" : "lines"}`;
  return { added, removed, label };
}
