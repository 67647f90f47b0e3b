import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { sendResponse } from "./send-response";

const bytes = (s: string) => new TextEncoder().encode(s);
/** Keeps the microtask queue busy for a while, as a burst piped through web streams does. */
async function busyMicrotasks() {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
});

interface Observed {
  /** Bytes the socket still held back while microtasks ran after the first chunk. */
  firstHeldBack: number;
  /** Bytes of the second chunk (written a turn later) handed to the socket while microtasks ran. */
  secondSent: number;
  secondHeldBack: number;
  received: string;
}

async function serve(opts: { joined: boolean }): Promise<Observed> {
  const seen = { firstHeldBack: Number.NaN, secondSent: Number.NaN, secondHeldBack: Number.NaN };
  server = http.createServer((_req, res) => {
    const socket = res.socket!;
    const body = new ReadableStream<Uint8Array>({
      async start(c) {
        c.enqueue(bytes("first"));
        await busyMicrotasks();
        seen.firstHeldBack = socket.writableLength;
        await new Promise((r) => setImmediate(r));
        const before = socket.bytesWritten;
        c.enqueue(bytes("second"));
        await busyMicrotasks();
        seen.secondSent = socket.bytesWritten - before;
        seen.secondHeldBack = socket.writableLength;
        c.close();
      },
    });
    void sendResponse(new Response(body), res, new AbortController().signal, opts);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return { ...seen, received: await res.text() };
}

describe("sendResponse", () => {
  it("writes the first chunk at once and holds later ones for the end of the event loop's turn", async () => {
    const seen = await serve({ joined: false });
    // Written, though the socket's cork keeps it until the microtasks are done.
    expect(seen.firstHeldBack).toBeGreaterThan(0);
    // A later chunk waits for the end of the event loop's turn, to leave with whatever follows it.
    expect(seen.secondSent).toBe(0);
    expect(seen.received).toBe("firstsecond");
  });

  it("hands every chunk of a body that joins its own bursts to the socket at once", async () => {
    const seen = await serve({ joined: true });
    expect(seen.firstHeldBack).toBe(0);
    expect(seen.secondSent).toBeGreaterThan(0);
    expect(seen.secondHeldBack).toBe(0);
    expect(seen.received).toBe("firstsecond");
  });
});
