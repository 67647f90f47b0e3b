import { errorResponse, errors } from "@/server/gateway/errors";
import { handleChatCompletions, internalError } from "@/server/gateway/handler";
import { route } from "@/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A simulated deployment's own endpoint URL (`<app>/api/v1/deployments/<id>`, what its page shows):
 * the same gateway, routed by the id in the path.
 */
export const POST = route(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  if (!UUID.test(id)) return errorResponse(errors.modelNotFound(id));
  return handleChatCompletions(req, { deploymentId: id.toLowerCase() }).catch(internalError);
});
