/**
 * One POST to an upstream over node:http(s) with keep-alive agents. Not fetch: undici's web-stream
 * plumbing cost several times more CPU per proxied request in the bench, and the gateway's whole
 * budget is a couple of milliseconds. The answer's body is read one chunk per `next()`, so the
 * socket is paused while the client is slow (back-pressure); `destroy()` closes the connection,
 * which is how the upstream learns the client went away.
 */
import "server-only";
import http from "node:http";
import https from "node:https";

const agents = {
  "http:": new http.Agent({ keepAlive: true, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, scheduling: "lifo" }),
};

export interface HttpAnswer {
  status: number;
  header(name: string): string | undefined;
  /** The body, a chunk per call; done at its end. */
  next(): Promise<IteratorResult<Buffer>>;
  text(): Promise<string>;
  /** Done with it: whatever is left is read and dropped, and the connection goes back to the pool. */
  release(): void;
  destroy(reason?: unknown): void;
}

export class HttpTimeoutError extends Error {
  constructor() {
    super("The upstream did not answer in time.");
    this.name = "HttpTimeoutError";
  }
}

export function httpPost(
  url: string,
  headers: Record<string, string>,
  body: string,
  opts: { signal: AbortSignal; headersTimeoutMs: number },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === "https:" ? https : http;
    const agent = target.protocol === "https:" ? agents["https:"] : agents["http:"];
    const payload = Buffer.from(body);
    const req = client.request(target, {
      method: "POST",
      agent,
      headers: { ...headers, "content-length": String(payload.byteLength) },
    });
    const timer = setTimeout(() => req.destroy(new HttpTimeoutError()), opts.headersTimeoutMs);
    const onAbort = () => req.destroy(opts.signal.reason ?? new Error("aborted"));
    if (opts.signal.aborted) onAbort();
    opts.signal.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => opts.signal.removeEventListener("abort", onAbort);
    req.on("error", (err) => {
      clearTimeout(timer);
      cleanup();
      reject(err);
    });
    req.on("response", (res) => {
      clearTimeout(timer);
      res.on("close", cleanup);
      const it = res[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      resolve({
        status: res.statusCode ?? 0,
        header: (name) => {
          const v = res.headers[name.toLowerCase()];
          return Array.isArray(v) ? v[0] : v;
        },
        next: () => it.next(),
        text: async () => {
          const parts: Buffer[] = [];
          for await (const p of res) parts.push(p as Buffer);
          return Buffer.concat(parts).toString("utf8");
        },
        release: () => {
          // Read to the end through the same iterator (a stream being iterated ignores resume()).
          void (async () => {
            while (!(await it.next()).done) {}
          })().catch(() => {});
        },
        destroy: (reason) => {
          res.destroy(reason instanceof Error ? reason : undefined);
          req.destroy();
        },
      });
    });
    req.end(payload);
  });
}
