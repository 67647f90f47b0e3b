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

  it("lets the chunk with the answer's first words out at once, with what waited before it, and joins the rest", async () => {
    const delta = (t: string) => bytes(`data: {"type":"text-delta","id":"0","delta":"${t}"}\n\n`);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes('data: {"type":"start"}\n\n'));
        c.enqueue(delta("Hello"));
        c.enqueue(delta(" there"));
        c.enqueue(delta(" friend"));
        c.close();
      },
    }).pipeThrough(coalesceBursts());
    const reader = stream.getReader();
    // Read before any turn of the event loop ends: only the first words may be ready.
    const first = await Promise.race([reader.read(), new Promise<null>((r) => setImmediate(() => r(null)))]);
    expect(first && new TextDecoder().decode(first.value)).toBe(`data: {"type":"start"}\n\ndata: {"type":"text-delta","id":"0","delta":"Hello"}\n\n`);
    const rest = await reader.read();
    expect(new TextDecoder().decode(rest.value)).toBe(new TextDecoder().decode(Buffer.concat([delta(" there"), delta(" friend")])));
    expect((await reader.read()).done).toBe(true);
  });
});
