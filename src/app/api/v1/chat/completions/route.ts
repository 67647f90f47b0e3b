import { handleChatCompletions, internalError } from "@/server/gateway/handler";
import { route } from "@/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** OpenAI-compatible Chat Completions in front of the caller's deployments: see src/server/gateway/handler.ts. */
export const POST = route((req: Request) => handleChatCompletions(req).catch(internalError));
