/**
 * A continued answer (Continue after Stop) is the stopped text part, then a new step whose text
 * carries on mid-sentence. Shown, copied and stored, the two read as one text: text parts
 * separated only by step markers are joined with nothing in between.
 */
type Part = { type: string; text?: string };

export function joinContinuedText<P extends Part>(parts: ReadonlyArray<P>): P[] {
  const out: P[] = [];
  let lastText = -1;
  for (const part of parts) {
    if (part.type === "text" && lastText >= 0) {
      const prev = out[lastText]!;
      out[lastText] = { ...prev, text: (prev.text ?? "") + (part.text ?? "") };
      // Step markers between the two halves go: they would split the joined text again.
      out.length = lastText + 1;
      continue;
    }
    out.push(part);
    if (part.type === "text") lastText = out.length - 1;
    else if (part.type !== "step-start") lastText = -1;
  }
  return out;
}

/**
 * A stopped answer cut back to the text the user saw: the server may have saved a few words the
 * client never received before it stopped reading, and Continue must carry on from what is on
 * screen. Only the end of a final text part is cut; an answer that does not end in text, or a
 * length that does not fit, leaves the parts as they are.
 */
export function trimAnswerText<P extends Part>(parts: ReadonlyArray<P>, keepChars: number): P[] {
  const joined = joinContinuedText(parts);
  const excess = answerTextLength(joined) - keepChars;
  if (excess <= 0) return joined;
  const at = joined.findLastIndex((p) => p.type !== "step-start");
  const last = joined[at];
  const text = last?.type === "text" ? (last.text ?? "") : "";
  if (!last || text.length <= excess) return joined;
  const out = [...joined];
  out[at] = { ...last, text: text.slice(0, text.length - excess) };
  return out;
}

/** The length of an answer's text, counted the same way on both sides of a Continue. */
export function answerTextLength(parts: ReadonlyArray<Part>): number {
  return parts.reduce((n, p) => n + (p.type === "text" ? (p.text ?? "").length : 0), 0);
}
