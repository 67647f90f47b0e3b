/**
 * POST /api/chat over HTTP, for both ways in: the Next route handler (src/app/api/chat) and the
 * Node server's fast path (src/server/http/fast-path.ts), which the proxy never sees, so the API's
 * security headers are set here.
 */
import "server-only";
import { env } from "@/env";
import { route } from "@/server/http/route";
import { withApiHeaders } from "@/server/http/security-headers";
import { handleChatRequest } from "./respond";

export const chatHandler = route(async (req: Request) => withApiHeaders(await handleChatRequest(req), env.NODE_ENV === "production"));
