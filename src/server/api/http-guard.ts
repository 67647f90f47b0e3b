/**
 * Checks on a request to /api/trpc made before tRPC sees it, so that nothing of a refused request
 * runs: a path that is not valid percent-encoding, a cross-site state-changing request (CSRF), a
 * POST that is not JSON (tRPC would otherwise run multipart/form-data and octet-stream bodies as
 * mutations, which a plain HTML form can send), and a batch of more calls than MAX_BATCH_CALLS.
 */
import "server-only";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { MAX_BATCH_CALLS } from "@/lib/trpc-batch";
import { isCrossSiteRequest } from "@/server/http/origin";

export { MAX_BATCH_CALLS };

export interface Refusal {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
}

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Why the request must not reach tRPC, or null when it may. */
export function refusalOf(req: Pick<Request, "method" | "url" | "headers">, endpoint = "/api/trpc"): Refusal | null {
  const url = new URL(req.url);
  const rawPath = url.pathname.startsWith(endpoint) ? url.pathname.slice(endpoint.length).replace(/^\/+|\/+$/g, "") : "";
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { code: "BAD_REQUEST", message: "The procedure path is not valid percent-encoding." };
  }

  // Only GET (queries) and HEAD are safe; everything else can change state.
  if (req.method !== "GET" && req.method !== "HEAD") {
    if (isCrossSiteRequest(req)) return { code: "FORBIDDEN", message: "Cross-site requests are not allowed." };
    if (mediaType(req.headers.get("content-type")) !== "application/json") {
      return { code: "UNSUPPORTED_MEDIA_TYPE", message: "tRPC calls must be sent as application/json." };
    }
  }

  if (url.searchParams.get("batch") === "1") {
    const calls = path.split(",").length;
    if (calls > MAX_BATCH_CALLS) {
      return { code: "BAD_REQUEST", message: `A batch can hold at most ${MAX_BATCH_CALLS} calls; this one has ${calls}.` };
    }
  }
  return null;
}
