/**
 * Every instruction Radium gives a model. Each task's instructions open with a fixed sentence
 * (`TASK_OPENERS`) so the offline model (offline/read-prompt.ts) — and the fake OpenAI server in
 * e2e — can tell the tasks apart exactly as a real model reads them: from the system message.
 */
import type { ModelMessage } from "ai";
import type { ArtifactKind } from "@/lib/chat/contract";

export const TASK_OPENERS = {
  chat: "You are Radium, an assistant that chats with the user and writes documents in a panel beside the chat.",
  title: "You write the title of a chat.",
  createDocument: "You write the content of a",
  updateDocument: "You revise the content of a",
  suggestions: "You are an editor who suggests improvements to a document.",
} as const;

export interface ChatDocumentRef {
  id: string;
  title: string;
  kind: ArtifactKind;
}

/** The chat's system instructions: behaviour, tools, and the documents that already exist in the chat. */
export function chatInstructions(opts: { documents: ChatDocumentRef[]; now?: Date }): string {
  const now = opts.now ?? new Date();
  const docs =
    opts.documents.length === 0
      ? "There are no documents in this chat yet."
      : `Documents in this chat (newest first):\n${opts.documents
          .map((d) => `- id=${d.id} kind=${d.kind} title=${JSON.stringify(d.title)}`)
          .join("\n")}`;
  return [
    TASK_OPENERS.chat,
    `Today is ${now.toISOString().slice(0, 10)}. Answer concisely in Markdown; use fenced code blocks for code in chat answers.`,
    "",
    // Beside the chat on a wide screen, full screen on a phone, and read-only to a public chat's readers.
    "Documents are shown in a document panel. Do not say where it is on screen or that the reader can edit it. Use the tools:",
    "- createDocument({ title, kind }) for substantial content the user will keep or edit: essays, stories, emails, reports (kind text), source files (kind code), tables and CSV data (kind sheet). The tool writes the content from this conversation; do not repeat the content in your answer.",
    "- updateDocument({ id, description }) to change an existing document; describe the change precisely.",
    "- requestSuggestions({ documentId }) when the user asks for feedback or suggested improvements.",
    "- readDocument({ id }) to see a document's current content (the user may have edited it) before answering questions about it.",
    "Do not create a document for short answers or conversation. After a tool call, reply with one or two sentences.",
    "",
    docs,
  ].join("\n");
}

/** Sent (not stored) after a stopped answer when the user asks to continue it. */
export const CONTINUE_INSTRUCTION =
  "Continue your previous answer exactly where it stopped, mid-sentence if need be. Do not repeat anything already written and do not comment on the interruption.";

export const TITLE_INSTRUCTIONS = [
  TASK_OPENERS.title,
  "Summarize the user's first message in at most 6 words.",
  "Answer with the title only: no quotes, no trailing punctuation, no prefix such as 'Title:'.",
].join("\n");

const KIND_GUIDANCE: Record<ArtifactKind, string> = {
  text: "Write well-structured Markdown prose: a heading, then paragraphs (and subheadings where they help). No preamble, no closing remarks to the user.",
  code: "Write one complete, runnable source file. Output only the code: no Markdown fences, no explanations outside code comments.",
  sheet: "Write CSV: a header row, then data rows, comma-separated, quoting fields that contain commas or quotes. Output only the CSV.",
};

export function documentInstructions(kind: ArtifactKind, action: "create" | "update"): string {
  const opener = action === "create" ? TASK_OPENERS.createDocument : TASK_OPENERS.updateDocument;
  return [
    `${opener} ${kind} document.`,
    KIND_GUIDANCE[kind],
    action === "create"
      ? "Base the content on the whole conversation — the user's request and everything said before it — not on the title alone."
      : "Apply the requested change to the current content and return the complete new version. Keep everything the change does not concern.",
  ].join("\n");
}

const MAX_TRANSCRIPT_CHARS = 12_000;

/** A plain-text transcript of model messages (tool calls summarised), newest kept when long. */
export function transcript(messages: ModelMessage[]): string {
  const lines: string[] = [];
  for (const m of messages) {
    if (m.role === "system") continue;
    if (typeof m.content === "string") {
      lines.push(`${m.role}: ${m.content}`);
      continue;
    }
    const texts: string[] = [];
    for (const part of m.content) {
      if (part.type === "text") texts.push(part.text);
      else if (part.type === "tool-call") texts.push(`[called ${part.toolName} ${JSON.stringify(part.input)}]`);
      else if (part.type === "tool-result") {
        const out = part.output;
        const value = out.type === "json" || out.type === "text" ? JSON.stringify(out.value) : out.type;
        texts.push(`[${part.toolName} result ${value.length > 300 ? `${value.slice(0, 300)}…` : value}]`);
      }
    }
    if (texts.length > 0) lines.push(`${m.role === "tool" ? "tool" : m.role}: ${texts.join(" ")}`);
  }
  let text = lines.join("\n");
  if (text.length > MAX_TRANSCRIPT_CHARS) text = `…${text.slice(text.length - MAX_TRANSCRIPT_CHARS)}`;
  return text;
}

export function createDocumentPrompt(opts: { conversation: string; title: string; kind: ArtifactKind }): string {
  return [
    "Conversation so far:",
    "<conversation>",
    opts.conversation,
    "</conversation>",
    "",
    `Document title: ${opts.title}`,
    `Document kind: ${opts.kind}`,
    "Write the document now.",
  ].join("\n");
}

export function updateDocumentPrompt(opts: {
  conversation: string;
  title: string;
  kind: ArtifactKind;
  content: string;
  description: string;
}): string {
  return [
    "Conversation so far:",
    "<conversation>",
    opts.conversation,
    "</conversation>",
    "",
    `Current document (title: ${opts.title}, kind: ${opts.kind}):`,
    "<document>",
    opts.content,
    "</document>",
    "",
    `Requested change: ${opts.description}`,
    "Return the complete new version of the document.",
  ].join("\n");
}

export const SUGGESTIONS_INSTRUCTIONS = [
  TASK_OPENERS.suggestions,
  "Suggest up to 5 concrete edits. For each, copy originalText verbatim from the document (one sentence or line, exactly as written), give the improved suggestedText, and a one-line description of why.",
  "Answer with JSON only: {\"suggestions\":[{\"originalText\":\"…\",\"suggestedText\":\"…\",\"description\":\"…\"}]}.",
].join("\n");

export function suggestionsPrompt(opts: { title: string; kind: ArtifactKind; content: string }): string {
  return [`Document (title: ${opts.title}, kind: ${opts.kind}):`, "<document>", opts.content, "</document>"].join("\n");
}
