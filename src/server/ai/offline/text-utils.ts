/** Small string helpers shared by the offline model's writers. Pure and deterministic. */

/** FNV-1a: a stable seed from text, so the same request gives the same document. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Picks an element deterministically from a non-empty list. */
export function pick<T>(items: readonly T[], seed: number, salt = 0): T {
  const i = (seed + Math.imul(salt + 1, 2654435761)) >>> 0;
  return items[i % items.length] as T;
}

const SMALL_WORDS = new Set(["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "with"]);

export function titleCase(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w.toLowerCase())) return w.toLowerCase();
      if (/[A-Z]/.test(w.slice(1))) return w; // keep acronyms and camelCase
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(" ");
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Trims quotes, trailing punctuation and filler words around a phrase taken from a request. */
export function cleanPhrase(text: string): string {
  return text
    .replace(/^[\s"'“”‘’]+|[\s"'“”‘’.!?,;:]+$/g, "")
    .replace(/\s+/g, " ")
    .replace(/\s+(please|thanks|thank you)$/i, "")
    .trim();
}

/** Splits prose into sentences, keeping each sentence's own text exactly as written. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^.!?\n]+(?:[.!?]+["'”’)]?|(?=\n)|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s.length > 0) out.push(s);
  }
  return out;
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Stream-sized pieces: words with their trailing whitespace (`size` words per piece). */
export function streamPieces(text: string, size = 1): string[] {
  const words = text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
  if (size <= 1) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i += size) out.push(words.slice(i, i + size).join(""));
  return out;
}

/** Cuts a JSON string into a few uneven pieces, the way providers stream tool arguments. */
export function jsonPieces(json: string): string[] {
  const cuts = [0, Math.min(2, json.length), Math.floor(json.length / 3), Math.floor((2 * json.length) / 3), json.length];
  const out: string[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const piece = json.slice(cuts[i], cuts[i + 1]);
    if (piece) out.push(piece);
  }
  return out;
}
