/**
 * The offline model: a real `LanguageModelV4` that needs no network. It reads the prompt the way
 * a hosted model would (system instructions, conversation, tool results), streams text token by
 * token and calls the document tools with streamed JSON input, so every chat flow works on a
 * machine without an API key.
 */
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Content,
  LanguageModelV4GenerateResult,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4StreamResult,
  LanguageModelV4Usage,
} from "@ai-sdk/provider";
import { type AttachedFile, isAttachedFileText, parseAttachedFile } from "@/lib/chat/attachment-content";
import type { ArtifactKind } from "@/lib/chat/contract";
import { detectTask, parseDocumentPrompt } from "./read-prompt";
import { afterToolAnswer, needsDocumentAnswer, offlineAnswer, offlineContinuation, offlineTitle } from "./answers";
import { attachmentAnswer } from "./attachments";
import { composeCode, reviseCode } from "./compose-code";
import { composeSheet, reviseSheet } from "./compose-sheet";
import { composeProse, reviseProse } from "./compose-text";
import { parseIntent } from "./intents";
import { offlineSuggestions } from "./suggest";
import { offlineTaskOf } from "./task";
import { jsonPieces, streamPieces, wordCount } from "./text-utils";

export const OFFLINE_MODEL_ID = "radium-offline";

type Plan =
  | { type: "text"; text: string; pieceWords: number; delayMs: number }
  | { type: "tool-call"; toolName: string; input: Record<string, unknown> };

/** What was written in a message; attached files are read apart (attachedFiles). */
function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p: { type?: string; text?: string }) => (p.type === "text" && typeof p.text === "string" && !isAttachedFileText(p.text) ? p.text : ""))
    .join("");
}

/** Files attached to the last user message: text files as text parts, images as file parts (a model that sees them would get them so). */
function attachedFiles(prompt: LanguageModelV4Prompt): AttachedFile[] {
  const last = prompt.findLast((m) => m.role === "user");
  if (last?.role !== "user") return [];
  return last.content.flatMap((p): AttachedFile[] => {
    if (p.type === "text") {
      const file = parseAttachedFile(p.text);
      return file ? [file] : [];
    }
    if (p.type === "file") {
      const name = p.filename ?? "an attached file";
      return [{ name, type: p.mediaType, content: null, lines: null, words: null, omitted: "not text", truncated: null }];
    }
    return [];
  });
}

function systemText(prompt: LanguageModelV4Prompt): string | undefined {
  const sys = prompt.filter((m) => m.role === "system").map((m) => m.content);
  return sys.length > 0 ? sys.join("\n") : undefined;
}

/** The last assistant message's text and the user message it answered (Continue after Stop). */
function stoppedAnswer(prompt: LanguageModelV4Prompt): { question: string; text: string } {
  const at = prompt.findLastIndex((m) => m.role === "assistant");
  const answer = prompt[at];
  const text = answer?.role === "assistant" ? textOf(answer.content) : "";
  return { question: lastUserText(prompt.slice(0, Math.max(0, at))), text };
}

function lastUserText(prompt: LanguageModelV4Prompt): string {
  for (let i = prompt.length - 1; i >= 0; i--) {
    const m = prompt[i];
    if (m?.role === "user") return textOf(m.content);
  }
  return "";
}

interface DocRef {
  id: string;
  kind: ArtifactKind;
  title: string;
}

/** Documents listed in the chat instructions (newest first). */
function documentsFromSystem(system: string | undefined): DocRef[] {
  if (!system) return [];
  return [...system.matchAll(/^- id=([0-9a-f-]{36}) kind=(text|code|sheet) title=(.*)$/gm)].map((m) => ({
    id: m[1]!,
    kind: m[2] as ArtifactKind,
    title: (() => {
      try {
        return String(JSON.parse(m[3]!));
      } catch {
        return m[3]!;
      }
    })(),
  }));
}

/** Documents the conversation itself created or read (tool results), newest last. */
function documentsFromToolResults(prompt: LanguageModelV4Prompt): string[] {
  const ids: string[] = [];
  for (const m of prompt) {
    if (m.role !== "tool") continue;
    for (const part of m.content) {
      if (part.type !== "tool-result" || part.output.type !== "json") continue;
      const v = part.output.value as Record<string, unknown> | null;
      const id = v && typeof v === "object" ? (v.id ?? v.documentId) : undefined;
      if (typeof id === "string") ids.push(id);
    }
  }
  return ids;
}

function toolAvailable(options: LanguageModelV4CallOptions, name: string): boolean {
  return (options.tools ?? []).some((t) => t.type === "function" && t.name === name);
}

function userLines(conversation: string): string[] {
  return conversation
    .split("\n")
    .filter((l) => l.startsWith("user: "))
    .map((l) => l.slice("user: ".length));
}

export interface OfflineModelOptions {
  /** Pause between streamed chat tokens (documents stream three words per pause). */
  delayMs?: number;
}

export class OfflineLanguageModel implements LanguageModelV4 {
  readonly specificationVersion = "v4" as const;
  readonly provider = "radium.offline";
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly delayMs: number;

  constructor(opts: OfflineModelOptions = {}) {
    this.delayMs = Math.max(0, opts.delayMs ?? 20);
  }

  /** Decides what to answer; exposed for tests. */
  plan(options: LanguageModelV4CallOptions): Plan {
    const { prompt } = options;
    const system = systemText(prompt);
    const task = detectTask(system);
    const user = lastUserText(prompt);
    const quick = (text: string): Plan => ({ type: "text", text, pieceWords: 50, delayMs: 0 });

    if (task?.task === "title") return quick(offlineTitle(user));

    if (task?.task === "suggestions") {
      const content = /<document>\n([\s\S]*)\n<\/document>/.exec(user)?.[1] ?? "";
      const kind = (/kind: (text|code|sheet)\)/.exec(user)?.[1] ?? "text") as ArtifactKind;
      return quick(JSON.stringify({ suggestions: offlineSuggestions(content, kind) }));
    }

    if (task?.task === "document") {
      const doc = parseDocumentPrompt(user);
      const users = userLines(doc.conversation);
      const request = users.at(-1) ?? doc.title;
      const earlier = users.slice(0, -1);
      let text: string;
      if (task.action === "create") {
        text =
          task.kind === "code"
            ? composeCode(request, earlier)
            : task.kind === "sheet"
              ? composeSheet(request, earlier)
              : composeProse({ request, earlier, title: doc.title });
      } else {
        const content = doc.content ?? "";
        const description = doc.description ?? request;
        text =
          task.kind === "code"
            ? reviseCode(content, description)
            : task.kind === "sheet"
              ? reviseSheet(content, description)
              : reviseProse(content, doc.title, description);
      }
      return { type: "text", text, pieceWords: 3, delayMs: Math.ceil(this.delayMs / 2) };
    }

    // The chat itself.
    const answer = (text: string): Plan => ({ type: "text", text, pieceWords: 1, delayMs: this.delayMs });
    if (offlineTaskOf(options.providerOptions) === "continue") {
      const stopped = stoppedAnswer(prompt);
      return answer(offlineContinuation(stopped.question, stopped.text, { documents: documentsFromSystem(system).length }));
    }
    const last = prompt.at(-1);
    if (last?.role === "tool") {
      const result = [...last.content].reverse().find((p) => p.type === "tool-result");
      if (result && result.type === "tool-result") {
        const out = result.output;
        const error =
          out.type === "error-text" ? out.value : out.type === "error-json" ? JSON.stringify(out.value) : out.type === "execution-denied" ? "the tool call was denied" : null;
        const value = out.type === "json" && out.value && typeof out.value === "object" ? (out.value as Record<string, unknown>) : null;
        return answer(afterToolAnswer(result.toolName, value, error));
      }
      return answer("Done.");
    }

    // Attached files come first: a question about them is answered from what they hold.
    const files = attachedFiles(prompt);
    if (files.length > 0) return answer(attachmentAnswer(files, user));

    const listed = documentsFromSystem(system);
    const touched = documentsFromToolResults(prompt);
    const latestId = listed[0]?.id ?? touched.at(-1) ?? null;
    const intent = parseIntent(user, { hasDocument: latestId !== null });
    const call = (toolName: string, input: Record<string, unknown>): Plan =>
      toolAvailable(options, toolName) ? { type: "tool-call", toolName, input } : answer(offlineAnswer(user, { documents: listed.length }));
    switch (intent.type) {
      case "create":
        return call("createDocument", { title: intent.title, kind: intent.kind });
      case "update":
        return call("updateDocument", { id: latestId, description: intent.description });
      case "suggest":
        return call("requestSuggestions", { documentId: latestId });
      case "read":
        return call("readDocument", { id: latestId });
      case "needs-document":
        return answer(needsDocumentAnswer(intent.wanted));
      default:
        return answer(offlineAnswer(user, { documents: listed.length }));
    }
  }

  private usage(options: LanguageModelV4CallOptions, output: string): LanguageModelV4Usage {
    const input = wordCount(options.prompt.map((m) => (typeof m.content === "string" ? m.content : textOf(m.content))).join(" "));
    const out = wordCount(output);
    return {
      inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: out, text: out, reasoning: 0 },
    };
  }

  async doGenerate(options: LanguageModelV4CallOptions): Promise<LanguageModelV4GenerateResult> {
    const plan = this.plan(options);
    let content: LanguageModelV4Content[];
    let output: string;
    if (plan.type === "text") {
      content = [{ type: "text", text: plan.text }];
      output = plan.text;
    } else {
      output = JSON.stringify(plan.input);
      content = [{ type: "tool-call", toolCallId: callId(), toolName: plan.toolName, input: output }];
    }
    return {
      content,
      finishReason: plan.type === "text" ? { unified: "stop", raw: "stop" } : { unified: "tool-calls", raw: "tool_calls" },
      usage: this.usage(options, output),
      response: { id: callId(), modelId: this.modelId, timestamp: new Date() },
      warnings: [],
    };
  }

  async doStream(options: LanguageModelV4CallOptions): Promise<LanguageModelV4StreamResult> {
    const plan = this.plan(options);
    const parts: Array<{ part: LanguageModelV4StreamPart; delay: number }> = [];
    const push = (part: LanguageModelV4StreamPart, delay = 0) => parts.push({ part, delay });
    push({ type: "stream-start", warnings: [] });
    push({ type: "response-metadata", id: callId(), modelId: this.modelId, timestamp: new Date() });
    let output: string;
    if (plan.type === "text") {
      output = plan.text;
      push({ type: "text-start", id: "0" });
      for (const delta of streamPieces(plan.text, plan.pieceWords)) push({ type: "text-delta", id: "0", delta }, plan.delayMs);
      push({ type: "text-end", id: "0" });
      push({ type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage: this.usage(options, output) });
    } else {
      const id = callId();
      output = JSON.stringify(plan.input);
      push({ type: "tool-input-start", id, toolName: plan.toolName });
      for (const delta of jsonPieces(output)) push({ type: "tool-input-delta", id, delta }, Math.ceil(this.delayMs / 2));
      push({ type: "tool-input-end", id });
      push({ type: "tool-call", toolCallId: id, toolName: plan.toolName, input: output });
      push({ type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage: this.usage(options, output) });
    }
    const signal = options.abortSignal;
    let i = 0;
    const stream = new ReadableStream<LanguageModelV4StreamPart>({
      async pull(controller) {
        const next = parts[i++];
        if (!next) return controller.close();
        if (next.delay > 0) await sleep(next.delay, signal);
        if (signal?.aborted) return controller.error(signal.reason ?? new DOMException("The operation was aborted.", "AbortError"));
        controller.enqueue(next.part);
      },
    });
    return { stream, request: { body: { model: this.modelId } } };
  }
}

let seq = 0;
function callId(): string {
  seq = (seq + 1) % 1_000_000;
  return `offline-${Date.now().toString(36)}-${seq.toString(36)}`;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
