/**
 * What the Node server's fast path takes (see fast-path.ts), each served by the very function its
 * Next route handler calls: chat completions, tRPC calls and chat turns, the hot paths a client
 * waits on; and the build's static files (static-route.ts). A body the fast path will not hold in memory (over the cap, or of no declared length)
 * is left to Next, which then answers it the same way.
 */
import "server-only";
import type { IncomingMessage } from "node:http";
import { trpcHandler } from "@/server/api/http-handler";
import { chatHandler } from "@/server/chat/http-handler";
import { env } from "@/env";
import { gatewayRoute } from "@/server/gateway/fast-path";
import type { NodeRoute } from "./fast-path";
import { readBody, webRequest } from "./node-request";
import { sendResponse } from "./send-response";
import { staticRoute } from "./static-route";

const MAX_BODY_BYTES = 1 << 20;

/** POST bodies of a declared length within the cap; every GET. */
function bodyFits(method: string, req: IncomingMessage): boolean {
  if (method === "GET") return true;
  const declared = Number(req.headers["content-length"] ?? "NaN");
  return declared >= 0 && declared <= MAX_BODY_BYTES;
}

function webRoute(
  name: string,
  accepts: (method: string, path: string) => boolean,
  handler: (req: Request) => Promise<Response>,
  send: { joined?: boolean } = {},
): NodeRoute<true> {
  return {
    name,
    match(method, url, req) {
      if (!method || !url) return null;
      const q = url.indexOf("?");
      return accepts(method, q < 0 ? url : url.slice(0, q)) && bodyFits(method, req) ? true : null;
    },
    async serve(req, res, _match, gone) {
      const body = req.method === "GET" ? null : await readBody(req, MAX_BODY_BYTES);
      await sendResponse(await handler(webRequest(req, body, gone)), res, gone, send);
    },
  };
}

export const fastRoutes: ReadonlyArray<NodeRoute> = [
  // Production only: the dev server's static files change under it.
  ...(env.NODE_ENV === "production" ? [staticRoute()] : []),
  gatewayRoute,
  webRoute("trpc", (method, path) => (method === "GET" || method === "POST") && path.startsWith("/api/trpc/"), trpcHandler),
  // The answer joins its own bursts and lets its first words out at once (coalesce.ts).
  webRoute("chat", (method, path) => method === "POST" && path === "/api/chat", chatHandler, { joined: true }),
];
