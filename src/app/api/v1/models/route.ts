import { internalError } from "@/server/gateway/handler";
import { handleListModels } from "@/server/gateway/models";
import { route } from "@/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The caller's active deployments as OpenAI models (id = endpoint name, with context_length). */
export const GET = route((req: Request) => handleListModels(req).catch(internalError));
