import { chatCompletions } from "@/server/gateway/entry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * OpenAI-compatible Chat Completions in front of the caller's deployments (src/server/gateway/).
 * Under `next start` the Node server's fast path usually answers this path before Next routes it.
 */
export const POST = (req: Request) => chatCompletions(req);
