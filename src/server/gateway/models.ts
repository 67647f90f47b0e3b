/** GET /v1/models: the caller's active deployments (only the one a scoped key may call), OpenAI's list shape. */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/server/db";
import { deployments, models } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { authenticate } from "./auth";
import { baseHeaders, errorResponse, GatewayError } from "./errors";

export async function handleListModels(req: Request, ctx: { db?: Db } = {}): Promise<Response> {
  const db = ctx.db ?? (await getDb());
  const principal = await authenticate(db, req);
  if (principal instanceof GatewayError) return errorResponse(principal);
  const rows = await db
    .select({ name: deployments.name, createdAt: deployments.createdAt, contextLength: models.contextWindow, id: deployments.id })
    .from(deployments)
    .leftJoin(models, eq(models.id, deployments.modelId))
    .where(
      and(
        eq(deployments.userId, principal.userId),
        eq(deployments.status, "active"),
        principal.key?.deploymentId ? eq(deployments.id, principal.key.deploymentId) : undefined,
      ),
    )
    .orderBy(asc(deployments.name))
    .limit(1000);
  const body = {
    object: "list",
    data: rows.map((r) => ({
      id: r.name,
      object: "model",
      created: Math.floor(r.createdAt.getTime() / 1000),
      owned_by: "radium",
      context_length: r.contextLength ?? null,
    })),
  };
  const headers = baseHeaders();
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify(body), { status: 200, headers });
}
