/**
 * How the offline model reads Radium's own prompts back, the way a hosted model reads them: which
 * task the system message sets, and the parts of a document prompt. Kept here, beside the only
 * reader, so the production prompts (../prompts.ts) carry no parsing of their own.
 */
import type { ArtifactKind } from "@/lib/chat/contract";
import { TASK_OPENERS } from "../prompts";

export type PromptTask =
  | { task: "chat" }
  | { task: "title" }
  | { task: "document"; action: "create" | "update"; kind: ArtifactKind }
  | { task: "suggestions" };

/** Which task a system message sets (null for instructions Radium did not write). */
export function detectTask(system: string | undefined): PromptTask | null {
  if (!system) return null;
  if (system.startsWith(TASK_OPENERS.title)) return { task: "title" };
  if (system.startsWith(TASK_OPENERS.suggestions)) return { task: "suggestions" };
  const doc = /^You (write|revise) the content of a (text|code|sheet) document\./.exec(system);
  if (doc) return { task: "document", action: doc[1] === "write" ? "create" : "update", kind: doc[2] as ArtifactKind };
  if (system.startsWith(TASK_OPENERS.chat)) return { task: "chat" };
  return null;
}

/** Pulls the parts of a document prompt back out (used by the offline model). */
export function parseDocumentPrompt(prompt: string): {
  conversation: string;
  title: string;
  content: string | null;
  description: string | null;
} {
  const convStart = prompt.indexOf("<conversation>\n");
  const convEnd = prompt.search(/\n<\/conversation>\n\n(Document title: |Current document \(title: )/);
  const conversation = convStart >= 0 && convEnd > convStart ? prompt.slice(convStart + "<conversation>\n".length, convEnd) : "";
  const tail = convEnd >= 0 ? prompt.slice(convEnd) : prompt;
  const title =
    /^Document title: (.*)$/m.exec(tail)?.[1] ?? /^Current document \(title: (.*), kind: \w+\):$/m.exec(tail)?.[1] ?? "Untitled";
  const docStart = tail.indexOf("<document>\n");
  const docEnd = tail.lastIndexOf("\n</document>\n\nRequested change: ");
  const content = docStart >= 0 && docEnd >= docStart ? tail.slice(docStart + "<document>\n".length, docEnd) : null;
  const description = docEnd >= 0 ? (/Requested change: ([\s\S]*)\nReturn the complete new version of the document\.$/.exec(tail.slice(docEnd))?.[1] ?? null) : null;
  return { conversation, title, content, description };
}
