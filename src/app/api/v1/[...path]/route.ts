import { errorResponse, errors } from "@/server/gateway/errors";
import { route } from "@/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Any other /api/v1 path: an OpenAI-shaped 404, so clients show a readable error. */
const notFound = route(() => errorResponse(errors.notFound()));
export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
