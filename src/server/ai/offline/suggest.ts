/**
 * The offline model's editor: rule-based suggestions whose originalText is always copied verbatim
 * from the document (a sentence of prose, a line of code or CSV).
 */
import type { ArtifactKind } from "@/lib/chat/contract";
import { parseCsv } from "@/lib/chat/csv";
import { sentences } from "./text-utils";

export interface OfflineSuggestion {
  originalText: string;
  suggestedText: string;
  description: string;
}

const PHRASES: Array<{ re: RegExp; to: string; why: string }> = [
  { re: /\bdue to the fact that\b/i, to: "because", why: "Say it in one word." },
  { re: /\bin order to\b/i, to: "to", why: "\"In order to\" adds nothing that \"to\" does not say." },
  { re: /\bit is important to note that /i, to: "", why: "Cut the throat-clearing and state the point." },
  { re: /\bat this point in time\b/i, to: "now", why: "Shorter and clearer." },
  { re: /\ba lot of\b/i, to: "many", why: "More precise than \"a lot of\"." },
  { re: /\bvery important\b/i, to: "crucial", why: "One strong word instead of an intensifier." },
  { re: /\bvery small\b/i, to: "tiny", why: "One strong word instead of an intensifier." },
  { re: /\bvery easy\b/i, to: "easy", why: "\"Very\" weakens rather than strengthens." },
  { re: /\bvery useful\b/i, to: "valuable", why: "One strong word instead of an intensifier." },
  { re: /\bvery (\w+)/i, to: "$1", why: "\"Very\" rarely adds meaning; the sentence is stronger without it." },
  { re: /\bIt's\b/, to: "It is", why: "Spell out the contraction for a more formal tone." },
  { re: /\bshows up in\b/i, to: "appears in", why: "A more precise verb than \"shows up\"." },
  { re: /\bis worth understanding because\b/i, to: "matters because", why: "Say it directly." },
  { re: /\bThe answer is rarely\b/, to: "It is rarely", why: "Tighter: the question was just asked." },
  { re: /\breally /i, to: "", why: "Filler word; the sentence reads better without it." },
  { re: /\bjust /i, to: "", why: "Filler word; the sentence reads better without it." },
];

function proseSuggestions(content: string, max: number): OfflineSuggestion[] {
  const out: OfflineSuggestion[] = [];
  const used = new Set<string>();
  for (const s of sentences(content)) {
    if (out.length >= max) break;
    if (/^#{1,6}\s/.test(s) || used.has(s) || !content.includes(s)) continue;
    const rule = PHRASES.find((p) => p.re.test(s));
    if (rule) {
      let suggested = s.replace(rule.re, rule.to).replace(/ {2,}/g, " ");
      suggested = suggested.replace(/^([a-z])/, (c) => c.toUpperCase());
      if (suggested !== s) {
        out.push({ originalText: s, suggestedText: suggested, description: rule.why });
        used.add(s);
        continue;
      }
    }
    const words = s.split(/\s+/).length;
    const split = /, (and|but|which) /.exec(s);
    if (words > 28 && split) {
      const first = s.slice(0, split.index);
      const rest = s.slice(split.index + split[0].length);
      const second = split[1] === "which" ? `This ${rest}` : `${split[1]!.charAt(0).toUpperCase()}${split[1]!.slice(1)} ${rest}`;
      out.push({ originalText: s, suggestedText: `${first}. ${second}`, description: "Long sentence: splitting it makes it easier to follow." });
      used.add(s);
    }
  }
  return out;
}

function codeSuggestions(content: string, max: number): OfflineSuggestion[] {
  const out: OfflineSuggestion[] = [];
  const lines = content.split("\n");
  lines.forEach((line, i) => {
    if (out.length >= max) return;
    const prev = lines[i - 1] ?? "";
    const py = /^(\s*)def\s+(\w+)\(.*\):\s*$/.exec(line);
    const js = /^(\s*)(?:export\s+)?(?:async\s+)?function\s+(\w+)\(.*\)\s*(?::\s*[^{]+)?\{\s*$/.exec(line);
    const next = lines[i + 1] ?? "";
    if (py && !/^\s*(#|""")/.test(prev) && !/^\s*"""/.test(next)) {
      out.push({ originalText: line, suggestedText: `${line}\n${py[1]}    """Describe what ${py[2]} does and what it returns."""`, description: `Add a docstring to ${py[2]}.` });
    } else if (js && !/^\s*(\/\/|\*|\/\*\*)/.test(prev) && !/\*\/\s*$/.test(prev)) {
      out.push({ originalText: line, suggestedText: `${js[1]}/** Describe what ${js[2]} does and what it returns. */\n${line}`, description: `Document ${js[2]} with a comment.` });
    } else if (/^\s*print\(/.test(line) && !/__main__/.test(content)) {
      out.push({ originalText: line, suggestedText: `if __name__ == "__main__":\n    ${line.trim()}`, description: "Run the example only when the file is executed as a script." });
    }
  });
  return out;
}

function sheetSuggestions(content: string): OfflineSuggestion[] {
  const out: OfflineSuggestion[] = [];
  const firstLine = content.split("\n")[0] ?? "";
  const grid = parseCsv(content);
  const header = grid[0] ?? [];
  if (firstLine && header.some((h) => /^[a-z]/.test(h))) {
    const fixed = firstLine
      .split(",")
      .map((c) => c.replace(/^([a-z])/, (m) => m.toUpperCase()))
      .join(",");
    if (fixed !== firstLine) out.push({ originalText: firstLine, suggestedText: fixed, description: "Capitalize the column headers." });
  }
  const lastLine = content.trimEnd().split("\n").at(-1) ?? "";
  const numericCols = header.map((_, c) => grid.slice(1).length > 0 && grid.slice(1).every((r) => /^-?\d+(\.\d+)?$/.test((r[c] ?? "").trim())));
  if (lastLine && !/^total\b/i.test(lastLine) && numericCols.some(Boolean) && grid.length > 2) {
    const totals = header.map((_, c) => {
      if (c === 0) return "Total";
      if (!numericCols[c]) return "";
      const sum = grid.slice(1).reduce((s, r) => s + Number(r[c] ?? 0), 0);
      return grid.slice(1).some((r) => (r[c] ?? "").includes(".")) ? sum.toFixed(2) : String(sum);
    });
    out.push({ originalText: lastLine, suggestedText: `${lastLine}\n${totals.join(",")}`, description: "Add a total row for the numeric columns." });
  }
  return out;
}

export function offlineSuggestions(content: string, kind: ArtifactKind, max = 5): OfflineSuggestion[] {
  const raw = kind === "code" ? codeSuggestions(content, max) : kind === "sheet" ? sheetSuggestions(content) : proseSuggestions(content, max);
  return raw.filter((s) => s.originalText.length > 0 && content.includes(s.originalText) && s.suggestedText !== s.originalText).slice(0, max);
}
