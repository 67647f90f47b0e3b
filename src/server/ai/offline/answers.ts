/** What the offline model says in the chat: plain answers, replies after a tool ran, and titles. */
import { sentences, titleCase, wordCount, cleanPhrase } from "./text-utils";
import { parseIntent, topicOf } from "./intents";

function quote(text: string, max = 160): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max).replace(/\s+\S*$/, "")}…` : one;
}

/** A streamed plain-text answer that is honest about being the offline model. */
export function offlineAnswer(message: string, opts: { documents: number }): string {
  const greeting = /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i.test(message);
  const topic = topicOf(message);
  const long = /\b(long|detailed|in detail|explain|elaborate|tell me more)\b/i.test(message);
  const parts: string[] = [];
  parts.push(
    greeting
      ? "Hello! I'm Radium's **offline model** — the built-in model that runs when no `OPENAI_API_KEY` is configured."
      : `I'm Radium's **offline model**, so I can't research or reason about open questions the way a hosted model can. You asked: _${quote(message)}_`,
  );
  parts.push(
    [
      "Here is what I can do right now, entirely on this machine:",
      "",
      `- **Write documents** — for example, _"write a short essay about ${topic ?? "the history of tea"}"_ opens a text document.`,
      '- **Write code** — _"write a python function that checks if a number is prime"_.',
      '- **Build spreadsheets** — _"make a spreadsheet of monthly expenses"_.',
      opts.documents > 0
        ? '- **Edit the latest document** — _"make it shorter"_, _"make it more formal"_, _"add comments"_, or _"suggest improvements"_.'
        : '- **Edit documents** once one exists — _"make it shorter"_, _"polish it"_, _"suggest improvements"_.',
    ].join("\n"),
  );
  if (long) {
    parts.push(
      "A little more about how this works: every answer you see is streamed token by token through the same pipeline a hosted model uses. Documents are generated from the conversation so far, saved as versions you can step through, compare and restore, and suggestions are attached to the exact text they target.",
      "When a model provider is configured, the same tools are offered to it: it decides when to create or update a document, asks for the current content before answering questions about it, and can request suggestions for you to apply or dismiss.",
      "Until then, I follow simple rules: I recognise requests to write, change, review or read a document, and I answer everything else with this overview.",
    );
  }
  parts.push("To chat with a real model, set `OPENAI_API_KEY` (and `OPENAI_BASE_URL` for an OpenAI-compatible server such as vLLM, Ollama or LM Studio) and pick it in the model selector.");
  return parts.join("\n\n");
}

export function needsDocumentAnswer(wanted: "update" | "suggest" | "read"): string {
  const what = { update: "change", suggest: "review", read: "read" }[wanted];
  return `There is no document in this chat yet, so there is nothing for me to ${what}. Ask me to write one first — for example, _"write a short essay about lighthouses"_ — and then ask again. _(Offline model.)_`;
}

type ToolOutput = Record<string, unknown> | null;

function str(v: unknown, fallback = ""): string {
  return typeof v === "string" ? v : fallback;
}

/** The short reply after a tool ran (or failed). */
export function afterToolAnswer(toolName: string, output: ToolOutput, error: string | null): string {
  if (error) return `I couldn't complete that: ${error}`;
  const title = str(output?.title, "the document");
  const kind = str(output?.kind, "text");
  switch (toolName) {
    case "createDocument":
      return `I've written **${title}** as a ${kind} document — it's in the document panel. Next, ask me to ${kind === "code" ? '"add comments"' : kind === "sheet" ? '"add totals"' : '"make it shorter"'} or to "suggest improvements".`;
    case "updateDocument":
      return `Done — **${title}** is updated. The previous version is kept in the version history, so you can compare the change or restore it.`;
    case "requestSuggestions": {
      const count = typeof output?.count === "number" ? output.count : 0;
      return count > 0
        ? `I've added ${count} suggestion${count === 1 ? "" : "s"} to the document. Each one is marked on the text it targets — apply or dismiss them one by one.`
        : "I read the document and have no suggestions right now — it reads cleanly as it is.";
    }
    case "readDocument": {
      const content = str(output?.content);
      const words = wordCount(content);
      const first = sentences(content.replace(/^#.*$/gm, "")).find((s) => s.length > 20) ?? content.slice(0, 120);
      const headings = [...content.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1]).slice(0, 6);
      return [
        `**${title}** is a ${kind} document of ${words} word${words === 1 ? "" : "s"}.`,
        first ? `It begins: _${quote(first, 200)}_` : "It is empty.",
        headings.length > 0 ? `Sections: ${headings.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" ");
    }
    default:
      return "Done.";
  }
}

const GREETING = /^((please|can you|could you|would you|hey|hi|hiya|hello|howdy|yo|greetings|good (morning|afternoon|evening)|there)\b[\s,!.?]*)+/i;

/**
 * A title for a chat that opened with nothing but a greeting ("hi!"): the greeting and when, so
 * two such chats are told apart in the history (never the placeholder "New chat").
 */
export function greetingTitle(message: string, now: Date): string {
  const greeting = message.replace(/[^\p{L}\s]/gu, "").trim().split(/\s+/).slice(0, 3).join(" ").toLowerCase() || "hello";
  const when = now.toLocaleString("en-US", { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  return `${greeting.charAt(0).toUpperCase()}${greeting.slice(1)}, ${when} UTC`;
}

/** A short chat title from the first message. */
export function offlineTitle(message: string, now = new Date()): string {
  const text = message.replace(/\s+/g, " ").trim();
  const topic = topicOf(text);
  const intent = parseIntent(text, { hasDocument: false });
  const kind = /\b(essay|story|poem|letter|email|report|article|spreadsheet|sheet|table|csv|function|script|code|program)\b/i.exec(text)?.[1];
  let title: string;
  if (topic && kind) title = `${titleCase(kind.toLowerCase() === "csv" ? "CSV" : kind)} about ${topic}`;
  else if (topic) title = titleCase(topic);
  else if (intent.type === "create") title = intent.title;
  else {
    const words = cleanPhrase(text.replace(GREETING, ""))
      .split(" ")
      .slice(0, 6)
      .join(" ");
    title = words ? words.charAt(0).toUpperCase() + words.slice(1) : greetingTitle(text, now);
  }
  const words = title.split(" ");
  return words.length > 6 ? words.slice(0, 6).join(" ") : title;
}

/**
 * The rest of a stopped answer: the offline model answers the same question the same way, so what
 * follows the stopped text is the continuation. An answer it would not have written (a hosted
 * model's, or one cut inside a tool call) gets a short closing line instead.
 */
export function offlineContinuation(question: string, stopped: string, opts: { documents: number }): string {
  const full = offlineAnswer(question, opts);
  if (stopped.length > 0 && full.startsWith(stopped) && full.length > stopped.length) return full.slice(stopped.length);
  return `${stopped.length > 0 && !/\s$/.test(stopped) ? " " : ""}That is the whole answer: there is nothing more to add.`;
}
