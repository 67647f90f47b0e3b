/**
 * A rehype plugin that wraps the text each open suggestion targets in
 * `<mark data-suggestion-id="…">`, so the rendered document shows suggestions inline.
 * Only text outside code is searched, and each suggestion marks its first match.
 */
import type { Element, ElementContent, Root, RootContent, Text } from "hast";

export interface SuggestionTarget {
  id: string;
  originalText: string;
}

type Parent = Root | Element;

function markText(node: Text, targets: SuggestionTarget[], placed: Set<string>): ElementContent[] | null {
  let best: { at: number; target: SuggestionTarget } | null = null;
  for (const t of targets) {
    if (placed.has(t.id) || !t.originalText) continue;
    const at = node.value.indexOf(t.originalText);
    if (at !== -1 && (best === null || at < best.at)) best = { at, target: t };
  }
  if (!best) return null;
  placed.add(best.target.id);
  const before = node.value.slice(0, best.at);
  const matched = node.value.slice(best.at, best.at + best.target.originalText.length);
  const after = node.value.slice(best.at + best.target.originalText.length);
  const out: ElementContent[] = [];
  if (before) out.push({ type: "text", value: before });
  out.push({
    type: "element",
    tagName: "mark",
    properties: { dataSuggestionId: best.target.id },
    children: [{ type: "text", value: matched }],
  });
  if (after) {
    const rest: Text = { type: "text", value: after };
    out.push(...(markText(rest, targets, placed) ?? [rest]));
  }
  return out;
}

function walk(parent: Parent, targets: SuggestionTarget[], placed: Set<string>) {
  const next: Array<RootContent> = [];
  for (const child of parent.children) {
    if (child.type === "text") {
      const replaced = markText(child, targets, placed);
      if (replaced) next.push(...replaced);
      else next.push(child);
      continue;
    }
    if (child.type === "element" && child.tagName !== "code" && child.tagName !== "pre") walk(child, targets, placed);
    next.push(child);
  }
  parent.children = next as typeof parent.children;
}

/**
 * The rehype plugin for a set of targets. Every run starts afresh (React may render twice);
 * `report`, when given, receives the ids that found their text in the last run.
 */
export function rehypeSuggestions(targets: SuggestionTarget[], report?: Set<string>) {
  return () => (tree: Root) => {
    if (targets.length === 0) return;
    const placed = new Set<string>();
    walk(tree, targets, placed);
    if (report) {
      report.clear();
      for (const id of placed) report.add(id);
    }
  };
}
