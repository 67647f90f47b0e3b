import { describe, expect, it } from "vitest";
import { type StreamOutcome, sseStream } from "./stream";
import type { ChatCompletionChunk } from "./wire";

const chunk = (content: string | null, extra: Partial<ChatCompletionChunk> = {}): ChatCompletionChunk => ({
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "upstream-name",
  choices: content === null ? [] : [{ index: 0, delta: { content }, finish_reason: null }],
  ...extra,
});

async function run(chunks: ChatCompletionChunk[], includeUsage: boolean) {
  let outcome: StreamOutcome | undefined;
  const abort = new AbortController();
  const body = sseStream({
    chunks: new ReadableStream({
      start(c) {
        for (const x of chunks) c.enqueue(x);
        c.close();
      },
    }),
    model: "mine",
    includeUsage,
    startedAt: performance.now(),
    promptTokens: 7,
    keepText: 100,
    abort: () => abort.abort(),
    signal: abort.signal,
    onEnd: (o) => {
      outcome = o;
    },
  });
  const text = await new Response(body).text();
  const events = text
    .split("\n\n")
    .filter(Boolean)
    .map((e) => e.replace(/^data: /, ""));
  return { events, outcome: outcome! };
}

describe("sseStream", () => {
  it("renames the model, ends with [DONE] and strips the usage chunk nobody asked for", async () => {
    const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
    const { events, outcome } = await run([chunk("Hel"), chunk("lo"), chunk(null, { usage })], false);
    expect(events.at(-1)).toBe("[DONE]");
    const parsed = events.slice(0, -1).map((e) => JSON.parse(e) as ChatCompletionChunk);
    expect(parsed.map((p) => p.choices[0]?.delta.content)).toEqual(["Hel", "lo"]);
    expect(parsed.every((p) => p.model === "mine" && !p.usage)).toBe(true);
    expect(outcome).toMatchObject({ usage, upstreamUsage: true, text: "Hello", errorCode: null });
    expect(outcome.ttftMs).not.toBeNull();
  });

  it("adds a counted usage chunk when asked for and the upstream sent none", async () => {
    const { events, outcome } = await run([chunk("Hello world")], true);
    const usageChunk = JSON.parse(events.at(-2)!) as ChatCompletionChunk;
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage).toEqual({ prompt_tokens: 7, completion_tokens: 2, total_tokens: 9 });
    expect(outcome.upstreamUsage).toBe(false);
  });
});
