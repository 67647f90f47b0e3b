import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { type Logger, requestLogger } from "@/server/log";
import { problem } from "./problem";
import { REQUEST_ID_HEADER, requestIdOf } from "./request-id";

/** What the wrapper reads of a request: a web Request, or a lighter equivalent (the gateway's fast path). */
export interface RouteRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Pick<Headers, "get" | "set">;
}

/** What a route handler's code can learn about (and tell) the request it runs in. */
export interface RequestScope {
  readonly requestId: string;
  /** Every line it writes carries the request id. */
  readonly log: Logger;
  /** Set by whoever authenticates the request; goes into the request's log line. */
  userId?: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** The scope of the route handler call this code runs in, if any. */
export function currentRequest(): RequestScope | undefined {
  return scope.getStore();
}

/** Records who made the request, for its log line (a no-op outside a wrapped route handler). */
export function noteUserId(userId: string | null | undefined): void {
  const s = scope.getStore();
  if (s && userId) s.userId = userId;
}

function withRequestId(res: Response, requestId: string): Response {
  try {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  } catch {
    // Response.redirect() and fetched responses have immutable headers: copy them.
    const copy = new Response(res.body, res);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

/**
 * The request's id, written back onto the request when the proxy did not run (tests, direct
 * calls), so that problem() and the handler's own code read the same id as the log line.
 */
function pinRequestId(req: RouteRequest): string {
  const requestId = requestIdOf(req);
  if (req.headers.get(REQUEST_ID_HEADER) !== requestId) {
    try {
      req.headers.set(REQUEST_ID_HEADER, requestId);
    } catch {
      // Immutable request headers: the proxy has already set a sane id on them.
    }
  }
  return requestId;
}

/**
 * Wraps a route handler: one JSON log line per request (method, path, status, duration until the
 * response headers, user id, request id), the request id on the response, and an unexpected
 * error turned into a generic 500 problem (RFC 7807) carrying only the trace id; the error itself,
 * stack included, goes to the server log only.
 */
export function route<Req extends RouteRequest, Rest extends unknown[]>(
  handler: (req: Req, ...rest: Rest) => Response | Promise<Response>,
  /** Level of the line for answers below 500 (e.g. "debug" for a poll that would drown the log). */
  options: { level?: "info" | "debug" } = {},
): (req: Req, ...rest: Rest) => Promise<Response> {
  return async (req, ...rest) => {
    const started = performance.now();
    const requestId = pinRequestId(req);
    const s: RequestScope = { requestId, log: requestLogger(requestId) };
    let res: Response;
    let err: unknown;
    try {
      res = await scope.run(s, () => handler(req, ...rest));
    } catch (e) {
      // redirect(), notFound() and friends are Next's control flow, not failures. Loaded only here:
      // next/navigation pulls in React's client context, which scripts outside Next cannot load.
      const { unstable_rethrow } = await import("next/navigation");
      unstable_rethrow(e);
      err = e;
      res = problem(req, {
        status: 500,
        title: "Internal Server Error",
        detail: "Something went wrong on our side. Quote the trace id if you report it.",
      });
    }
    const line = {
      method: req.method,
      path: new URL(req.url).pathname,
      status: res.status,
      durationMs: Math.round(performance.now() - started),
      ...(s.userId ? { userId: s.userId } : {}),
    };
    if (err) s.log.error({ ...line, err }, "request failed");
    else if (res.status >= 500) s.log.error(line, "request");
    else s.log[options.level ?? "info"](line, "request");
    return withRequestId(res, requestId);
  };
}
