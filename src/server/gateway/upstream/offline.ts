/**
 * A simulator deployment served in process by the offline model (src/server/ai/offline): the same
 * answers the chat gives without an API key, shaped as chat completions. Lengths (`max_tokens`),
 * stop sequences and JSON mode are applied here, token by token as the model streams.
 */
import "server-only";
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { OfflineLanguageModel } from "@/server/ai/offline/model";
import { maxCompletionTokens, stopSequences } from "../params";
import { type ChatMessage, messageText } from "../request";
import { StopFilter } from "../stop-filter";
import { countPrompt, countText, truncateTokens } from "../tokens";
import { type ChatCompletionChunk, completionId, type FinishReason, nowSeconds, usageOf } from "../wire";
import type { Upstream, UpstreamCall, UpstreamResult } from "./types";

function toPrompt(messages: ChatMessage[]): LanguageModelV4Prompt {
  const prompt: LanguageModelV4Prompt = [];
  for (const m of messages) {
    const text = messageText(m);
    if (m.role === "system" || m.role === "developer") prompt.push({ role: "system", content: text });
    else if (m.role === "user") prompt.push({ role: "user", content: [{ type: "text", text }] });
    else if (m.role === "assistant") prompt.push({ role: "assistant", content: [{ type: "text", text }] });
    // Tool results mean nothing to a model without tools: they are left out.
  }
  return prompt;
}

/** JSON mode: the answer as the string value of `{"answer": …}`, streamed as it comes. */
const JSON_OPEN = '{"answer":"';
const JSON_CLOSE = '"}';
const jsonEscape = (s: string) => JSON.stringify(s).slice(1, -1);

export class OfflineUpstream implements Upstream {
  readonly kind = "offline" as const;

  constructor(
    private readonly model: OfflineLanguageModel,
    private readonly modelName: string,
  ) {}

  async complete({ body, signal }: UpstreamCall): Promise<UpstreamResult> {
    const { stream } = await this.model.doStream({ prompt: toPrompt(body.messages), abortSignal: signal });
    const chunks = this.chunks(stream, body, signal);
    if (body.stream) return { kind: "stream", chunks };
    // Non-streaming: the same chunks, gathered.
    const reader = chunks.getReader();
    let content = "";
    let finish: FinishReason | null = null;
    let usage = usageOf(0, 0);
    const id = completionId();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      content += value.choices[0]?.delta.content ?? "";
      finish = value.choices[0]?.finish_reason ?? finish;
      if (value.usage) usage = value.usage;
    }
    return {
      kind: "json",
      completion: {
        id,
        object: "chat.completion",
        created: nowSeconds(),
        model: this.modelName,
        choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: finish ?? "stop" }],
        usage,
      },
    };
  }

  /** Chunks pulled from the model's stream one at a time, ending with a usage chunk (choices: []). */
  private chunks(source: ReadableStream<LanguageModelV4StreamPart>, body: UpstreamCall["body"], signal: AbortSignal) {
    const reader = source.getReader();
    const id = completionId();
    const created = nowSeconds();
    const model = this.modelName;
    const stops = new StopFilter(stopSequences(body));
    const max = maxCompletionTokens(body);
    const json = body.response_format?.type === "json_object";
    const chunk = (delta: ChatCompletionChunk["choices"][number]["delta"], finish: FinishReason | null = null): ChatCompletionChunk => ({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      system_fingerprint: null,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    let started = false;
    let finished = false;
    let sent = "";
    let tokens = 0;
    let ended = false;
    const promptTokens = countPrompt(body.messages);

    const emitText = async (controller: ReadableStreamDefaultController<ChatCompletionChunk>, text: string): Promise<boolean> => {
      if (!text) return false;
      let piece = text;
      let cut = false;
      if (max !== null) {
        const t = await truncateTokens(piece, max - tokens);
        piece = t.text;
        cut = t.cut;
        tokens += t.tokens;
      }
      sent += piece;
      const out = json ? jsonEscape(piece) : piece;
      if (out) controller.enqueue(chunk({ content: out }));
      return cut;
    };

    const finish = async (controller: ReadableStreamDefaultController<ChatCompletionChunk>, reason: FinishReason) => {
      finished = true;
      await reader.cancel().catch(() => {});
      if (json) controller.enqueue(chunk({ content: JSON_CLOSE }));
      controller.enqueue(chunk({}, reason));
      const completionTokens = max !== null ? tokens : await countText(json ? `${JSON_OPEN}${jsonEscape(sent)}${JSON_CLOSE}` : sent);
      controller.enqueue({ ...chunk({}), choices: [], usage: usageOf(await promptTokens, completionTokens) });
    };

    return new ReadableStream<ChatCompletionChunk>(
      {
        async pull(controller) {
          if (ended) return;
          if (finished) {
            ended = true;
            return controller.close();
          }
          if (!started) {
            started = true;
            controller.enqueue(chunk({ role: "assistant", content: json ? JSON_OPEN : "" }));
            return;
          }
          // Read until something is sent (the model's bookkeeping parts carry no text).
          for (;;) {
            if (signal.aborted) return controller.error(signal.reason);
            const { done, value } = await reader.read();
            if (done) {
              if (await emitText(controller, stops.flush())) return finish(controller, "length");
              return finish(controller, "stop");
            }
            if (value.type !== "text-delta") continue;
            const cut = await emitText(controller, stops.push(value.delta));
            if (cut || (max !== null && tokens >= max)) return finish(controller, "length");
            if (stops.done) return finish(controller, "stop");
            return;
          }
        },
        async cancel(reason) {
          await reader.cancel(reason).catch(() => {});
        },
      },
      { highWaterMark: 0 },
    );
  }
}
