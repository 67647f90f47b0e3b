import { chatCompletions } from "@/server/gateway/entry";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * A simulated deployment's own endpoint URL (`<app>/api/v1/deployments/<id>`, what its page shows):
 * the same gateway, routed by the id in the path (and, like /api/v1/chat/completions, usually
 * answered by the Node server's fast path).
 */
export const POST = async (req: Request, { params }: { params: Promise<{ id: string }> }) => chatCompletions(req, (await params).id);
