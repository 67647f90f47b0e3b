/** Client-side helpers for document suggestions: where they sit in the text and what applying one does. */

export interface SuggestionLike {
  id: string;
  originalText: string;
  suggestedText: string;
}

/** Replace the first occurrence of `originalText`; null when the text no longer contains it. */
export function applySuggestionText(content: string, s: Pick<SuggestionLike, "originalText" | "suggestedText">): string | null {
  if (!s.originalText) return null;
  const at = content.indexOf(s.originalText);
  if (at === -1) return null;
  return content.slice(0, at) + s.suggestedText + content.slice(at + s.originalText.length);
}

export interface TextSegment {
  text: string;
  /** The suggestion this run of text is the target of, if any. */
  suggestionId?: string;
}

/**
 * Splits `text` into plain runs and runs targeted by a suggestion (first occurrence of each
 * suggestion's original text; overlapping targets keep the earlier one). Also reports which
 * suggestions did not match, so the UI can still list them.
 */
export function segmentBySuggestions<T extends SuggestionLike>(
  text: string,
  suggestions: readonly T[],
): { segments: TextSegment[]; unmatched: T[] } {
  const ranges: Array<{ start: number; end: number; id: string }> = [];
  const unmatched: T[] = [];
  for (const s of suggestions) {
    if (!s.originalText) {
      unmatched.push(s);
      continue;
    }
    let from = 0;
    let placed = false;
    while (!placed) {
      const at = text.indexOf(s.originalText, from);
      if (at === -1) break;
      const end = at + s.originalText.length;
      if (ranges.some((r) => at < r.end && end > r.start)) {
        from = at + 1;
        continue;
      }
      ranges.push({ start: at, end, id: s.id });
      placed = true;
    }
    if (!placed) unmatched.push(s);
  }
  ranges.sort((a, b) => a.start - b.start);
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const r of ranges) {
    if (r.start > cursor) segments.push({ text: text.slice(cursor, r.start) });
    segments.push({ text: text.slice(r.start, r.end), suggestionId: r.id });
    cursor = r.end;
  }
  if (cursor < text.length || segments.length === 0) segments.push({ text: text.slice(cursor) });
  return { segments, unmatched };
}
