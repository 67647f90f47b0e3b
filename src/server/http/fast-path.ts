/**
 * The hot API routes, served beside Next's router. Next's per-request pipeline (route matching,
 * its request and response adapters, the proxy, tracing) costs 2–3 ms of CPU per request on a small
 * machine: more than a chat completion's whole added-latency budget, and half of a history page's.
 * The routes below need none of it: they authenticate themselves, set their own headers and answer
 * their own errors. So the Node server hands them straight to the same functions the Next route
 * handlers call; every other request goes to Next as before.
 *
 * Next gives no hook before its router, so this wraps the server's request listener the first time
 * Node announces a request on it (diagnostics channel `http.server.request.start`, published just
 * before the `request` event). Until then, and wherever this is not installed (FAST_PATH=0, tests,
 * scripts), the route handlers answer the same paths with the same code.
 */
import "server-only";
import dc from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { env } from "@/env";
import { logger } from "@/server/log";
import { sendResponse } from "./send-response";

/** One route: `match` says whether it takes a request (cheaply: it runs for every request). */
export interface NodeRoute<M = unknown> {
  name: string;
  match(method: string | undefined, url: string | undefined, req: IncomingMessage): M | null;
  /** `pass()` hands the request on to the server's own listener (Next) after all. */
  serve(req: IncomingMessage, res: ServerResponse, match: M, gone: AbortSignal, pass: () => void): Promise<void>;
  /** The answer when serve() throws before answering (default: a bare 500). */
  failure?(): Response;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

async function serve<M>(route: NodeRoute<M>, match: M, req: IncomingMessage, res: ServerResponse, pass: () => void): Promise<void> {
  const gone = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) gone.abort(new Error("The client closed the connection."));
  });
  try {
    await route.serve(req, res, match, gone.signal, pass);
  } catch (err) {
    logger.error({ err, route: route.name }, "fast path: the route failed");
    if (!res.headersSent) await sendResponse(route.failure?.() ?? Response.json({ error: "Internal Server Error" }, { status: 500 }), res, gone.signal);
    else res.destroy();
  }
}

/** Wraps a server's request listeners: requests a route takes go to it, the rest unchanged. */
export function wrapServer(server: Server, routes: ReadonlyArray<NodeRoute>): void {
  const next = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const pass = () => {
      for (const listener of next) listener.call(server, req, res);
    };
    for (const route of routes) {
      const match = route.match(req.method, req.url, req);
      if (match !== null) return void serve(route, match, req, res, pass);
    }
    pass();
  });
}

const g = globalThis as unknown as { __radiumFastPath?: WeakSet<Server> };

/** Called once at server start (instrumentation.ts). */
export function installFastPath(routes: ReadonlyArray<NodeRoute>): void {
  if (env.FAST_PATH === "0" || g.__radiumFastPath) return;
  const wrapped = new WeakSet<Server>();
  g.__radiumFastPath = wrapped;
  dc.subscribe("http.server.request.start", (message) => {
    const { server } = message as { server: Server };
    if (wrapped.has(server)) return;
    wrapped.add(server);
    wrapServer(server, routes);
  });
}
