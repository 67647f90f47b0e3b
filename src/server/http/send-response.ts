import { once } from "node:events";
import type { ServerResponse } from "node:http";

const HOP_BY_HOP = new Set(["transfer-encoding", "connection", "keep-alive"]);

/**
 * Writes a web Response to Node's, chunk by chunk, waiting for the socket when it is full.
 * `joined`: the body already joins its own bursts (the chat's answer), so each chunk leaves as it comes,
 * at once.
 */
export async function sendResponse(response: Response, res: ServerResponse, signal: AbortSignal, opts: { joined?: boolean } = {}): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // Hop-by-hop: Node frames the body itself (a handler's own "chunked" would be framed twice).
    if (!HOP_BY_HOP.has(name)) headers[name] = value;
  });
  // Headers joins set-cookie values with commas, which cookies' own dates contain: keep them apart.
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  // A socket write is a syscall, and syscalls were the largest single cost per request. The head
  // and the first chunk leave at once (time to first token); later chunks are held until the event
  // loop's check phase, so whatever arrives in one turn (each chunk is its own microtask hop) leaves
  // in one write. Held here, not by cork(): cork let end()'s terminator overtake held chunks.
  let first = true;
  let held: Uint8Array[] = [];
  let ok = true;
  const flush = () => {
    if (held.length === 0) return;
    const out = held.length === 1 && held[0] ? held[0] : Buffer.concat(held);
    held = [];
    ok = res.write(out);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // An empty write carries nothing.
      if (value.byteLength === 0) continue;
      if (first || opts.joined) {
        first = false;
        ok = res.write(value);
        // Node corks the socket on write until the next tick, and a tick waits for the whole
        // microtask queue: a burst being piped through web streams would hold this chunk that long.
        // Other bodies keep the cork, which joins a short body with its terminator in one write.
        if (opts.joined) res.socket?.uncork();
      } else {
        if (held.length === 0) setImmediate(flush);
        held.push(value);
      }
      if (!ok) {
        flush();
        await once(res, "drain", { signal });
        ok = true;
      }
    }
    flush();
    res.end();
  } catch {
    // The client went away (the handler has seen the abort and stops its own work).
    await reader.cancel().catch(() => {});
  }
}
