/**
 * What the offline model makes of a user's message: create a document (and of which kind),
 * change the latest one, ask for suggestions, read it, or just answer.
 */
import type { ArtifactKind } from "@/lib/chat/contract";
import { capitalize, cleanPhrase, titleCase } from "./text-utils";

export type OfflineIntent =
  | { type: "create"; kind: ArtifactKind; title: string }
  | { type: "update"; description: string }
  | { type: "suggest" }
  | { type: "read" }
  | { type: "needs-document"; wanted: "update" | "suggest" | "read" }
  | { type: "answer" };

const VERB = String.raw`\b(?:write|draft|create|compose|make|generate|give me|prepare|produce|build|implement|put together|start)\b`;

const SHEET = new RegExp(String.raw`${VERB}[\s\S]*?\b(spreadsheet|sheet|table|csv)\b`, "i");
const LANGS = String.raw`python|javascript|typescript|js|ts|node(?:\.js)?|rust|go|golang|java|ruby|bash|shell|sql|c\+\+|c#|php|kotlin|swift`;
const CODE = new RegExp(
  String.raw`${VERB}[\s\S]*?(\b(code|function|script|program|class|snippet|algorithm|module|cli)\b|\b(${LANGS})\b)`,
  "i",
);
const TEXT_NOUNS = "essay|story|poem|haiku|document|doc|text|article|blog post|post|letter|email|e-mail|report|summary|outline|speech|memo|note|proposal|cover letter|description|review|paragraph";
const TEXT = new RegExp(String.raw`${VERB}[\s\S]*?\b(${TEXT_NOUNS})\b`, "i");

const SUGGEST = /\b(suggest|suggestions?|review|feedback|critique|proofread|recommendations?)\b/i;
const READ = /\b(read|summari[sz]e|what does|what's in|show me|how long is)\b[\s\S]*?\b(document|doc|essay|story|poem|code|script|sheet|spreadsheet|table|text|it)\b/i;
const UPDATE =
  /\b(make it|make the|rewrite|rephrase|revise|update|polish|edit|shorten|lengthen|expand|simplify|translate|fix|sort|rename|change|convert|turn it|tighten|add|remove|delete|replace|include|insert|comment|improve it|clean up|reformat)\b|\b(shorter|longer|more formal|less formal|more casual|friendlier|more concise)\b/i;

const UPDATE_FIRST =
  /^(make (it|this|that|the (document|doc|essay|story|poem|text|article|letter|email|code|script|function|sheet|spreadsheet|table))\b|rewrite|rephrase|revise|update|polish|edit|shorten|lengthen|expand|simplify|translate|fix|sort|rename|change|convert|turn (it|this)|tighten|add|remove|delete|replace|insert|comment|improve|clean up|reformat|use )/i;

/** Removes a leading politeness ("could you please", "hey,") so the verb comes first. */
function stripPoliteness(text: string): string {
  return text.replace(/^\s*(hey|hi|hello|ok|okay)\b[,!.\s]*/i, "").replace(/^\s*(can|could|would|will) you( please)?\s+|^\s*please\s+/i, "");
}

/** "about the history of tea" → "the history of tea". */
export function topicOf(text: string): string | null {
  const about = /\b(?:about|on the topic of|regarding|on)\s+([^.?!\n]+)/i.exec(text);
  if (about?.[1]) return cleanPhrase(about[1].replace(/\s+\b(for|in|with|that|which|using)\b[\s\S]*$/i, "")) || null;
  return null;
}

/** "for my grandmother who loves sailing" → "my grandmother who loves sailing". */
export function audienceOf(text: string): string | null {
  const m = /\bfor\s+((?:my|our|a|an|the|young|new|busy|beginning|high[- ]school|middle[- ]school|college|university)\b[^.?!\n,]*)/i.exec(text);
  return m?.[1] ? cleanPhrase(m[1]) : null;
}

export function languageOf(text: string): "python" | "javascript" | "typescript" {
  if (/\b(typescript|ts)\b/i.test(text)) return "typescript";
  if (/\b(javascript|js|node(\.js)?)\b/i.test(text)) return "javascript";
  return "python";
}

function codeTitle(text: string): string {
  const lang = languageOf(text);
  const what = /\b(?:that|to|which|for)\s+([^.?!\n]+)/i.exec(text)?.[1];
  const label = { python: "Python", javascript: "JavaScript", typescript: "TypeScript" }[lang];
  if (!what) return `${label} script`;
  const phrase = cleanPhrase(what).replace(/^(will|can|should)\s+/i, "");
  return `${capitalize(phrase.length > 48 ? `${phrase.slice(0, 48).replace(/\s+\S*$/, "")}` : phrase)} (${label})`;
}

function sheetTitle(text: string): string {
  const m = /\b(?:of|for|with|about|tracking|to track|listing)\s+([^.?!\n]+)/i.exec(text);
  const phrase = m?.[1] ? cleanPhrase(m[1]) : "";
  return phrase ? capitalize(phrase.length > 60 ? phrase.slice(0, 60).replace(/\s+\S*$/, "") : phrase) : "Spreadsheet";
}

function textTitle(text: string, noun: string): string {
  const topic = topicOf(text);
  if (topic) return titleCase(topic.length > 70 ? topic.slice(0, 70).replace(/\s+\S*$/, "") : topic);
  const named = /\b(?:called|titled|named)\s+["“]?([^"”.?!\n]+)/i.exec(text)?.[1];
  if (named) return titleCase(cleanPhrase(named));
  return `Untitled ${noun.toLowerCase()}`;
}

export function parseIntent(message: string, opts: { hasDocument: boolean }): OfflineIntent {
  const text = stripPoliteness(message.trim());
  const needs = (wanted: "update" | "suggest" | "read"): OfflineIntent =>
    opts.hasDocument ? (wanted === "update" ? { type: "update", description: message.trim() } : { type: wanted }) : { type: "needs-document", wanted };

  // With a document in the chat, asking for suggestions or a review is about that document,
  // and a message that opens with an editing verb ("make it shorter", "add comments") changes it.
  if (opts.hasDocument && SUGGEST.test(text)) return { type: "suggest" };
  if (opts.hasDocument && UPDATE_FIRST.test(text)) return { type: "update", description: message.trim() };

  // "write a python script" is code, "write an essay about python" is prose, "a story about a table"
  // is a story: the kind named first wins.
  const candidates = [
    { kind: "sheet" as const, m: SHEET.exec(text) },
    { kind: "code" as const, m: CODE.exec(text) },
    { kind: "text" as const, m: TEXT.exec(text) },
  ]
    .filter((c): c is { kind: ArtifactKind; m: RegExpExecArray } => c.m !== null)
    .sort((a, b) => a.m.index + a.m[0].length - (b.m.index + b.m[0].length));
  const first = candidates[0];
  if (first) {
    const rest = text.slice(first.m.index + first.m[0].length);
    if (first.kind === "sheet") return { type: "create", kind: "sheet", title: sheetTitle(rest) };
    if (first.kind === "code") return { type: "create", kind: "code", title: codeTitle(text) };
    return { type: "create", kind: "text", title: textTitle(text, first.m[1] ?? "document") };
  }

  if (SUGGEST.test(text)) return needs("suggest");
  if (READ.test(text) && !/\b(make|rewrite|add|change)\b/i.test(text)) return needs("read");
  if (UPDATE.test(text)) return needs("update");
  return { type: "answer" };
}
