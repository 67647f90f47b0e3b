/**
 * The OpenAI-compatible API's hot path, beside Next's router. Next's per-request pipeline (route
 * matching, its request and response adapters, tracing) costs 2–3 ms of CPU per request on a small
 * machine: more than the gateway's whole budget of added latency. POST …/chat/completions needs none
 * of it: it has its own authentication, headers and errors, and the proxy never runs for /api/v1. So
 * the Node server hands those requests straight to the gateway (entry.ts, the same function the Next
 * route handlers call); every other request, every other /api/v1 route among them, goes to Next as
 * before.
 *
 * Next gives no hook before its router, so this wraps the server's request listener the first time
 * Node announces a request on it (diagnostics channel `http.server.request.start`, published just
 * before the `request` event). Until then, and wherever this is not installed (GATEWAY_FAST_PATH=0,
 * tests, scripts), the route handlers answer the same paths with the same code.
 */
import "server-only";
import dc from "node:diagnostics_channel";
import { once } from "node:events";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import { env } from "@/env";
import { logger } from "@/server/log";
import { chatCompletions } from "./entry";
import { errorResponse, errors } from "./errors";
import type { GatewayRequest } from "./request";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const PATH = /^\/api\/v1\/(?:deployments\/([^/?#]+)\/)?chat\/completions\/?(?:\?.*)?$/;

/** The deployment id of a fast-path request (`""` for /api/v1/chat/completions), or null if it is not one. */
export function fastPathTarget(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const m = PATH.exec(url);
  return m ? (m[1] ?? "") : null;
}

/** The body, read whole unless it passes the cap (then null: the answer is 413, the rest is dropped). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(req.headers["content-length"] ?? "NaN");
  if (declared > maxBytes) {
    req.resume();
    return Promise.resolve(null);
  }
  // Events, not `for await`: the async iterator cost more than the rest of the read.
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
    req.once("end", () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts)));
    req.once("error", reject);
  });
}

/** Node's header record behind the two methods the gateway calls (names arrive lower-case). */
function nodeHeaders(h: IncomingHttpHeaders): Pick<Headers, "get" | "set"> {
  return {
    get: (name) => {
      const v = h[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
    set: (name, value) => {
      h[name.toLowerCase()] = value;
    },
  };
}

function call(req: IncomingMessage, body: Buffer, signal: AbortSignal): GatewayRequest {
  return {
    method: "POST",
    url: `http://${req.headers.host ?? "localhost"}${req.url}`,
    headers: nodeHeaders(req.headers),
    signal,
    bodyText: body.toString("utf8"),
  };
}

/** Writes a web Response to Node's, chunk by chunk, waiting for the socket when it is full. */
async function send(response: Response, res: ServerResponse, signal: AbortSignal): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  // Chunks that come in the same turn of the event loop leave in one write (one syscall), not one each.
  let corked = false;
  const uncork = () => {
    corked = false;
    res.uncork();
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!corked) {
        corked = true;
        res.cork();
        process.nextTick(() => corked && uncork());
      }
      if (!res.write(value)) await once(res, "drain", { signal });
    }
    if (corked) uncork();
    res.end();
  } catch {
    // The client went away (the gateway has seen the abort and stops its upstream).
    await reader.cancel().catch(() => {});
  }
}

export async function serveFastPath(req: IncomingMessage, res: ServerResponse, deploymentId: string): Promise<void> {
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort(new Error("The client closed the connection."));
  });
  try {
    const body = await readBody(req, env.GATEWAY_MAX_BODY_BYTES);
    const response = body
      ? await chatCompletions(call(req, body, gone.signal), deploymentId || undefined)
      : errorResponse(errors.tooLarge(env.GATEWAY_MAX_BODY_BYTES));
    await send(response, res, gone.signal);
  } catch (err) {
    logger.error({ err }, "gateway: the fast path failed");
    if (!res.headersSent) await send(errorResponse(errors.internal()), res, gone.signal);
    else res.destroy();
  }
}

/** Wraps a server's request listeners: fast-path requests to the gateway, the rest unchanged. */
export function wrapServer(server: Server): void {
  const next = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const target = fastPathTarget(req.method, req.url);
    if (target !== null) return void serveFastPath(req, res, target);
    for (const listener of next) listener.call(server, req, res);
  });
}

const g = globalThis as unknown as { __radiumFastPath?: WeakSet<Server> };

/** Called once at server start (instrumentation.ts). */
export function installFastPath(): void {
  if (env.GATEWAY_FAST_PATH === "0" || g.__radiumFastPath) return;
  const wrapped = new WeakSet<Server>();
  g.__radiumFastPath = wrapped;
  dc.subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (wrapped.has(server)) return;
    wrapped.add(server);
    wrapServer(server);
  });
}
