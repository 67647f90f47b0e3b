import { serve } from "inngest/next";
import { NextRequest } from "next/server";
import { functions, inngest } from "../../../../inngest.config";
import { problem } from "@/server/http/problem";
import { route } from "@/server/http/route";
import { sanitizeInngestResponse } from "@/server/inngest/sanitize-response";

const sdk = serve({ client: inngest, functions });
type Method = "GET" | "POST" | "PUT";

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The SDK's handler, with two guards around it: a body that is not JSON is a 400 here (the SDK
 * would throw its parser error, path and all), and error bodies lose stacks and file paths
 * unless the response is signed (see sanitize-response.ts).
 */
function handler(method: Method) {
  // The local runner re-syncs (PUT) every few seconds: those lines would drown the log.
  const level = method === "PUT" ? "debug" : "info";
  return route(async (req: NextRequest) => {
    let forwarded = req;
    if (method !== "GET") {
      const text = await req.text();
      if (text.trim() && !isJson(text)) return problem(req, { status: 400, title: "Bad Request", detail: "The request body must be JSON." });
      forwarded = new NextRequest(req.url, { method, headers: req.headers, body: text || undefined });
    }
    return sanitizeInngestResponse(await sdk[method](forwarded, undefined));
  }, { level });
}

export const GET = handler("GET");
export const POST = handler("POST");
export const PUT = handler("PUT");
