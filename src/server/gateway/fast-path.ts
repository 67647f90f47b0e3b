/**
 * Chat completions on the Node server's fast path (src/server/http/fast-path.ts): POST
 * …/chat/completions straight to the gateway (entry.ts, the same function the Next route handlers
 * call), without even a web Request: headers are read from Node's record and the body within the cap.
 */
import "server-only";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { env } from "@/env";
import type { NodeRoute } from "@/server/http/fast-path";
import { readBody } from "@/server/http/node-request";
import { sendResponse } from "@/server/http/send-response";
import { chatCompletions } from "./entry";
import { errorResponse, errors } from "./errors";
import type { GatewayRequest } from "./request";

const PATH = /^\/api\/v1\/(?:deployments\/([^/?#]+)\/)?chat\/completions\/?(?:\?.*)?$/;

/** The deployment id of a fast-path request (`""` for /api/v1/chat/completions), or null if it is not one. */
export function fastPathTarget(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const m = PATH.exec(url);
  return m ? (m[1] ?? "") : null;
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

/** Chat completions from the Node server (src/server/http/fast-path.ts): no web Request is built. */
export const gatewayRoute: NodeRoute<string> = {
  name: "gateway",
  match: (method, url) => fastPathTarget(method, url),
  async serve(req, res, deploymentId, gone) {
    const body = await readBody(req, env.GATEWAY_MAX_BODY_BYTES);
    const response = body
      ? await chatCompletions(call(req, body, gone), deploymentId || undefined)
      : errorResponse(errors.tooLarge(env.GATEWAY_MAX_BODY_BYTES));
    await sendResponse(response, res, gone);
  },
  failure: () => errorResponse(errors.internal()),
};
