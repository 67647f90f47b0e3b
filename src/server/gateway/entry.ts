/**
 * POST …/chat/completions as one function of a web Request, for both ways in: the Next route
 * handlers (src/app/api/v1/…) and the Node server's fast path (fast-path.ts). A deployment's own
 * endpoint URL (`/api/v1/deployments/<id>`) names the deployment in the path.
 */
import "server-only";
import { route } from "@/server/http/route";
import { errorResponse, errors } from "./errors";
import { handleChatCompletions, internalError } from "./handler";
import type { GatewayRequest } from "./request";
import { isUuid } from "@/lib/uuid";

export const chatCompletions = route(async (req: GatewayRequest, deploymentId?: string) => {
  if (deploymentId === undefined) return handleChatCompletions(req).catch(internalError);
  if (!isUuid(deploymentId)) return errorResponse(errors.modelNotFound(deploymentId));
  return handleChatCompletions(req, { deploymentId: deploymentId.toLowerCase() }).catch(internalError);
});
