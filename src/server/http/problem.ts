import "server-only";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id";

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  /** A URI naming the kind of problem; "about:blank" when the status says it all. */
  type?: string;
  headers?: HeadersInit;
  /** RFC 7807 extension members (e.g. a machine-readable `code`); never the standard ones. */
  extensions?: Record<string, string | number | boolean | null>;
}

/**
 * An RFC 7807 problem-details response for route handlers outside tRPC and the OpenAI-compatible
 * API. `detail` must be safe to show: never an internal error's message, SQL or a path.
 */
export function problem(req: { readonly headers: Pick<Headers, "get">; readonly url: string }, p: Problem): Response {
  const traceId = requestIdOf(req);
  const body = {
    ...p.extensions,
    type: p.type ?? "about:blank",
    title: p.title,
    status: p.status,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: new URL(req.url).pathname,
    trace_id: traceId,
  };
  const headers = new Headers(p.headers);
  headers.set("content-type", "application/problem+json");
  headers.set(REQUEST_ID_HEADER, traceId);
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status: p.status, headers });
}
