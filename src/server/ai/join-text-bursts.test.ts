import type { ProviderMetadata, TextStreamPart, ToolSet } from "ai";
import { describe, expect, it } from "vitest";
import { joinTextBursts } from "./join-text-bursts";

type Part = TextStreamPart<ToolSet>;

const delta = (text: string, id = "t1", providerMetadata?: ProviderMetadata): Part => ({ type: "text-delta", id, text, ...(providerMetadata ? { providerMetadata } : {}) });
const nextTurn = () => new Promise((r) => setImmediate(r));

/** A promise the test settles when it chooses: the source waits on it mid-stream. */
function gate() {
  let release!: () => void;
  const held = new Promise<void>((r) => {
    release = r;
  });
  return { held, release };
}

async function readAll(stream: ReadableStream<Part>) {
  const out: Part[] = [];
  for await (const part of stream) out.push(part);
  return out;
}

/** A source that enqueues each group in one turn of the event loop, and the next group in a later turn. */
function source(groups: Part[][]) {
  return new ReadableStream<Part>({
    async start(c) {
      for (const [i, group] of groups.entries()) {
        if (i > 0) await nextTurn();
        for (const part of group) c.enqueue(part);
      }
      c.close();
    },
  });
}

describe("joinTextBursts", () => {
  it("passes a burst's first delta on and joins the rest of the burst, losing no text", async () => {
    const out = await readAll(
      source([[{ type: "text-start", id: "t1" }, delta("Here"), delta(" is"), delta(" a"), delta(" short"), delta(" answer."), { type: "text-end", id: "t1" }]]).pipeThrough(
        joinTextBursts(),
      ),
    );
    expect(out).toEqual([{ type: "text-start", id: "t1" }, delta("Here"), delta(" is a short answer."), { type: "text-end", id: "t1" }]);
  });

  it("leaves deltas that arrive in turns of their own as they are (a model sending token by token)", async () => {
    const out = await readAll(source([[delta("One")], [delta(" two")], [delta(" three")]]).pipeThrough(joinTextBursts()));
    expect(out).toEqual([delta("One"), delta(" two"), delta(" three")]);
  });

  it("hands the first delta on before the burst's turn has ended", async () => {
    const { held, release } = gate();
    const reader = new ReadableStream<Part>({
      async start(c) {
        c.enqueue(delta("First"));
        await held;
        c.enqueue(delta(" later"));
        c.close();
      },
    })
      .pipeThrough(joinTextBursts())
      .getReader();
    expect(await reader.read()).toEqual({ done: false, value: delta("First") });
    release();
    expect(await reader.read()).toEqual({ done: false, value: delta(" later") });
    expect((await reader.read()).done).toBe(true);
  });

  it("releases held text when the turn ends, with no other part to push it out", async () => {
    const { held, release } = gate();
    const reader = new ReadableStream<Part>({
      async start(c) {
        c.enqueue(delta("A"));
        c.enqueue(delta("B"));
        c.enqueue(delta("C"));
        await held;
        c.close();
      },
    })
      .pipeThrough(joinTextBursts())
      .getReader();
    expect(await reader.read()).toEqual({ done: false, value: delta("A") });
    // The stream stays open: "BC" must come out when the turn ends, not when the stream closes.
    expect(await reader.read()).toEqual({ done: false, value: delta("BC") });
    release();
    expect((await reader.read()).done).toBe(true);
  });

  it("keeps text parts apart and never merges a delta that carries provider metadata", async () => {
    const meta = { p: { signature: "x" } };
    const out = await readAll(
      source([[delta("a", "t1"), delta("b", "t1"), delta("c", "t2"), delta("d", "t2"), delta("e", "t2", meta), delta("f", "t2")]]).pipeThrough(
        joinTextBursts(),
      ),
    );
    expect(out).toEqual([delta("a", "t1"), delta("b", "t1"), delta("cd", "t2"), delta("e", "t2", meta), delta("f", "t2")]);
  });

  it("puts held text out before any other part, so parts keep their order", async () => {
    const out = await readAll(
      source([[delta("a"), delta("b"), { type: "text-end", id: "t1" }, { type: "tool-input-start", id: "c1", toolName: "x" }, delta("c", "t2"), delta("d", "t2")]]).pipeThrough(
        joinTextBursts(),
      ),
    );
    expect(out.map((p) => (p.type === "text-delta" ? `${p.id}:${p.text}` : p.type))).toEqual(["t1:a", "t1:b", "text-end", "tool-input-start", "t2:cd"]);
  });
});
