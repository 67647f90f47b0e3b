/**
 * /api/trpc over HTTP: the fetch adapter with our limits, error shape, request id and headers. One
 * function for both ways in: the Next route handler (src/app/api/trpc) and the Node server's fast
 * path (src/server/http/fast-path.ts).
 */
import "server-only";
import { getTRPCErrorShape, TRPCError, transformTRPCResponse } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { isPublicError } from "@/server/api/error-message";
import { MAX_BATCH_CALLS, refusalOf, type Refusal } from "@/server/api/http-guard";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { env } from "@/env";
import { REQUEST_ID_HEADER, requestIdOf } from "@/server/http/request-id";
import { withApiHeaders } from "@/server/http/security-headers";
import { requestLogger } from "@/server/log";
import { route } from "@/server/http/route";
import { retryAfterOf } from "@/server/training/graph-error";

/** A refused request answered in tRPC's own error shape (what @trpc/client reads), with the request id. */
function refused(refusal: Refusal, requestId: string): Response {
  const error = new TRPCError(refusal);
  const config = appRouter._def._config;
  const shape = getTRPCErrorShape({ config, error, type: "unknown", path: undefined, input: undefined, ctx: undefined });
  const body = transformTRPCResponse(config, { error: { ...shape, data: { ...shape.data, requestId } } });
  return new Response(JSON.stringify(body), {
    status: getHTTPStatusCodeFromError(error),
    headers: { "content-type": "application/json", "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId },
  });
}

// The proxy does not run for /api/trpc (see its matcher), so the handler sets what it would have
// (route() adds the request id).
const secured = (res: Response) => withApiHeaders(res, env.NODE_ENV === "production");

async function handler(req: Request): Promise<Response> {
  const requestId = requestIdOf(req);
  const refusal = refusalOf(req);
  if (refusal) return secured(refused(refusal, requestId));
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
    createContext: () => createTRPCContext({ req, requestId }),
    responseMeta: ({ errors }) => {
      const headers = new Headers({ [REQUEST_ID_HEADER]: requestId });
      // A 503 for training capacity says when to retry, in the header as well as the body.
      const retryAfter = retryAfterOf(errors);
      if (retryAfter !== null) headers.set("retry-after", String(retryAfter));
      return { headers };
    },
    onError({ path, error, type }) {
      const log = requestLogger(requestId);
      // The client got a generic message for these; the real one is only in the log.
      if (!isPublicError(error)) log.error({ err: error.cause ?? error, path, type, code: error.code }, "trpc call failed");
      else log.debug({ path, type, code: error.code, message: error.message }, "trpc call refused");
    },
  });
  return secured(res);
}

/** GET and POST /api/trpc/…: the Next route handler and the server's fast path both call this. */
export const trpcHandler = route(handler);
