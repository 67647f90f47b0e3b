import { describe, expect, it } from "vitest";
import { coalesceBursts } from "./coalesce";

const bytes = (s: string) => new TextEncoder().encode(s);

async function readAll(stream: ReadableStream<Uint8Array>) {
  const out: string[] = [];
  for await (const chunk of stream) out.push(new TextDecoder().decode(chunk));
  return out;
}

describe("coalesceBursts", () => {
  it("joins chunks written in the same turn and keeps turns apart, losing nothing at the end", async () => {
    const stream = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(bytes("a"));
        c.enqueue(bytes("b"));
        await new Promise((r) => setImmediate(r));
        await new Promise((r) => setImmediate(r));
        c.enqueue(bytes("c"));
        c.enqueue(bytes("d"));
        c.close();
      },
    });
    expect(await readAll(stream.pipeThrough(coalesceBursts()))).toEqual(["ab", "cd"]);
  });

  it("passes the first chunk on without waiting for a later one", async () => {
    let later!: () => void;
    const held = new Promise<void>((r) => {
      later = r;
    });
    const stream = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(bytes("first"));
        await held;
        c.enqueue(bytes("second"));
        c.close();
      },
    }).pipeThrough(coalesceBursts());
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first");
    later();
    const second = await reader.read();
    expect(new TextDecoder().decode(second.value)).toBe("second");
    expect((await reader.read()).done).toBe(true);
  });
});
