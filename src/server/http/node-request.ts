import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

/**
 * The body, read whole unless it passes the cap (then null, and the rest is drained unread).
 * Events, not `for await`: the async iterator cost more than the rest of the read.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  if (declared > maxBytes) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (part: Buffer) => {
      size += part.byteLength;
      if (size <= maxBytes) return void parts.push(part);
      req.off("data", onData);
      req.resume();
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", () => resolve(parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts)));
    req.once("error", reject);
  });
}

/** Node's header record as a web Headers object (names arrive lower-case; repeated ones as arrays). */
export function webHeaders(h: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name in h) {
    const v = h[name];
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const one of v) headers.append(name, one);
    else headers.set(name, v);
  }
  return headers;
}

/** The web Request a route handler expects, for a request whose body (if any) has been read. */
export function webRequest(req: IncomingMessage, body: Buffer | null, signal: AbortSignal): Request {
  const method = req.method ?? "GET";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method,
    headers: webHeaders(req.headers),
    // Both routes that read bodies take JSON text.
    body: method === "GET" || method === "HEAD" || !body ? undefined : body.toString("utf8"),
    signal,
  });
}
