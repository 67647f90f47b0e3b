/**
 * Streams a document's content from a model: the kind's instructions, a prompt built from the
 * conversation (and, for updates, the current content), deltas forwarded as they arrive.
 * Per-kind handlers (src/artifacts/<kind>/server.ts) are built with `documentHandler`.
 */
import { streamText, type LanguageModel } from "ai";
import { joinTextBursts } from "./join-text-bursts";
import type { ArtifactKind } from "@/lib/chat/contract";
import { createDocumentPrompt, documentInstructions, updateDocumentPrompt } from "./prompts";

export interface CreateArgs {
  model: LanguageModel;
  title: string;
  /** Transcript of the conversation so far (see `transcript` in prompts.ts). */
  conversation: string;
  onDelta: (delta: string) => void;
  abortSignal?: AbortSignal;
}

export interface UpdateArgs {
  model: LanguageModel;
  document: { title: string; content: string };
  description: string;
  conversation: string;
  onDelta: (delta: string) => void;
  abortSignal?: AbortSignal;
}

export interface DocumentHandler {
  kind: ArtifactKind;
  /** Streams new content; resolves to the full content that is saved as the first version. */
  create(args: CreateArgs): Promise<string>;
  /** Streams the revised content; resolves to the full content saved as a new version. */
  update(args: UpdateArgs): Promise<string>;
}

/**
 * Drops a Markdown code fence around the whole output (```lang … ```) while streaming, for kinds
 * whose content is not Markdown. Deltas inside the fence pass through as they arrive.
 */
export class FenceStripper {
  private head = "";
  private decided = false;
  private fenced = false;
  private tail = "";

  constructor(private readonly emit: (delta: string) => void) {}

  push(delta: string) {
    if (!this.decided) {
      this.head += delta;
      const trimmed = this.head.trimStart();
      if (trimmed.length < 3 && !this.head.includes("\n")) return;
      if (trimmed.startsWith("```")) {
        const nl = trimmed.indexOf("\n");
        if (nl < 0) return; // wait for the end of the fence line
        this.decided = true;
        this.fenced = true;
        this.forward(trimmed.slice(nl + 1));
      } else {
        this.decided = true;
        this.forward(this.head);
      }
      return;
    }
    this.forward(delta);
  }

  /** Holds back a possible closing fence until the end. */
  private forward(text: string) {
    if (!this.fenced) return text && this.emit(text);
    const all = this.tail + text;
    // Hold back a trailing run of newlines, spaces and backticks: it may be the closing fence.
    const m = /\n[`\s]*$/.exec(all);
    const cut = m ? m.index : all.length;
    this.tail = all.slice(cut);
    const out = all.slice(0, cut);
    if (out) this.emit(out);
  }

  end() {
    if (!this.decided) {
      this.decided = true;
      if (this.head) this.emit(this.head);
      return;
    }
    if (this.fenced && this.tail && !/^\s*```\s*$/.test(this.tail)) this.emit(this.tail);
    this.tail = "";
  }
}

async function run(
  model: LanguageModel,
  instructions: string,
  prompt: string,
  onDelta: (d: string) => void,
  opts: { fenced: boolean; abortSignal?: AbortSignal },
): Promise<string> {
  // A document arrives from a fast model many deltas to a read; each would travel to the browser as its own
  // document-delta part. Joined per burst as the answer's text is (the first of each passes at once).
  const result = streamText({ model, instructions, prompt, abortSignal: opts.abortSignal, maxRetries: 1, experimental_transform: () => joinTextBursts() });
  let content = "";
  const emit = (d: string) => {
    content += d;
    onDelta(d);
  };
  const stripper = opts.fenced ? new FenceStripper(emit) : null;
  for await (const part of result.stream) {
    if (part.type === "text-delta") (stripper ? stripper.push(part.text) : emit(part.text));
    else if (part.type === "error") throw part.error;
    else if (part.type === "abort") throw new DOMException("The document was not finished: generation stopped.", "AbortError");
  }
  stripper?.end();
  return content;
}

/** Builds a kind's handler: its prompts come from prompts.ts; `fenced` kinds lose stray Markdown fences. */
export function documentHandler(kind: ArtifactKind, opts: { fenced: boolean; finalize?: (content: string) => string }): DocumentHandler {
  const finalize = opts.finalize ?? ((c: string) => c);
  return {
    kind,
    async create({ model, title, conversation, onDelta, abortSignal }) {
      const content = await run(model, documentInstructions(kind, "create"), createDocumentPrompt({ conversation, title, kind }), onDelta, {
        fenced: opts.fenced,
        abortSignal,
      });
      return finalize(content);
    },
    async update({ model, document, description, conversation, onDelta, abortSignal }) {
      const prompt = updateDocumentPrompt({ conversation, title: document.title, kind, content: document.content, description });
      const content = await run(model, documentInstructions(kind, "update"), prompt, onDelta, { fenced: opts.fenced, abortSignal });
      return finalize(content);
    },
  };
}
