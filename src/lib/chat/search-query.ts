/**
 * The words of a history search, as a Postgres tsquery: every word must appear, each as a prefix
 * ("print pres" finds "printing press"). Only letters and digits reach the query, so what the user
 * types can never be read as tsquery syntax. Shared with the client, which highlights the same words.
 */
export const MAX_SEARCH_CHARS = 200;
const MAX_TERMS = 8;
const MAX_TERM_CHARS = 40;

export function searchTerms(input: string): string[] {
  const words = input.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_CHARS)))].slice(0, MAX_TERMS);
}

/** null when the input has no word to search for. */
export function toPrefixTsquery(input: string): string | null {
  const terms = searchTerms(input);
  return terms.length > 0 ? terms.map((t) => `${t}:*`).join(" & ") : null;
}

/** Splits text into plain and matching runs: a word matches when it starts with a search term. */
export function highlightRuns(text: string, terms: readonly string[]): Array<{ text: string; match: boolean }> {
  if (terms.length === 0) return [{ text, match: false }];
  const runs: Array<{ text: string; match: boolean }> = [];
  const push = (t: string, match: boolean) => {
    const last = runs.at(-1);
    if (last && last.match === match) last.text += t;
    else if (t) runs.push({ text: t, match });
  };
  for (const piece of text.split(/([\p{L}\p{N}]+)/u)) {
    const lower = piece.toLowerCase();
    push(piece, /[\p{L}\p{N}]/u.test(piece) && terms.some((t) => lower.startsWith(t)));
  }
  return runs;
}
