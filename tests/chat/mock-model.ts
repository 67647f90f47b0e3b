import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import type { ModelMessage, UIMessageChunk, UIMessageStreamWriter } from "ai";
import { convertArrayToReadableStream, MockLanguageModelV4 } from "ai/test";
import type { RadiumUIMessage } from "@/lib/chat/contract";

export const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 20, text: 20, reasoning: 0 },
};

export function textStream(pieces: string[]): { stream: ReadableStream<LanguageModelV4StreamPart> } {
  return {
    stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
      { type: "stream-start", warnings: [] },
      { type: "text-start", id: "t" },
      ...pieces.map((delta) => ({ type: "text-delta" as const, id: "t", delta })),
      { type: "text-end", id: "t" },
      { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
    ]),
  };
}

export function toolCallStream(toolName: string, input: Record<string, unknown>) {
  const json = JSON.stringify(input);
  const half = Math.floor(json.length / 2);
  return {
    stream: convertArrayToReadableStream<LanguageModelV4StreamPart>([
      { type: "stream-start", warnings: [] },
      { type: "tool-input-start", id: "call-1", toolName },
      { type: "tool-input-delta", id: "call-1", delta: json.slice(0, half) },
      { type: "tool-input-delta", id: "call-1", delta: json.slice(half) },
      { type: "tool-input-end", id: "call-1" },
      { type: "tool-call", toolCallId: "call-1", toolName, input: json },
      { type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage },
    ]),
  };
}

/** A mock model that streams `pieces` as text and records the prompts it was given. */
export function streamingModel(pieces: string[]) {
  return new MockLanguageModelV4({ doStream: async () => textStream(pieces) });
}

/** A mock model that answers generateText with `text`. */
export function generatingModel(text: string) {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: "text", text }],
      finishReason: { unified: "stop", raw: "stop" },
      usage,
      warnings: [],
    }),
  });
}

/** Everything the prompt's messages say, flattened (to assert what a model was shown). */
export function promptText(call: LanguageModelV4CallOptions | undefined): string {
  if (!call) return "";
  return call.prompt
    .map((m) => (typeof m.content === "string" ? m.content : m.content.map((p) => ("text" in p ? p.text : "")).join("")))
    .join("\n");
}

/** A UI message stream writer that records what the tools write. */
export function recordingWriter() {
  const chunks: UIMessageChunk[] = [];
  const writer: UIMessageStreamWriter<RadiumUIMessage> = {
    write: (c) => void chunks.push(c as UIMessageChunk),
    merge: () => {},
    onError: undefined,
  };
  return { writer, chunks };
}

export function conversation(...texts: string[]): ModelMessage[] {
  return texts.map((text, i) => ({ role: i % 2 === 0 ? "user" : "assistant", content: [{ type: "text", text }] }) as ModelMessage);
}
