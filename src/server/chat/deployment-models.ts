/** The user's active deployments as chat models (the selector's "Your deployments" group). */
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type DeploymentChatModel, deploymentIdOfModel, deploymentModelId } from "@/lib/gateway/chat-model-id";
import { deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

const MAX_LISTED = 100;

export async function deploymentChatModels(db: DbOrTx, userId: string): Promise<DeploymentChatModel[]> {
  const rows = await db
    .select({ id: deployments.id, name: deployments.name, modelId: deployments.modelId, providerKind: deployments.providerKind })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), eq(deployments.status, "active")))
    .orderBy(asc(deployments.name))
    .limit(MAX_LISTED);
  return rows.map((r) => ({
    id: deploymentModelId(r.id),
    deploymentId: r.id,
    name: r.name,
    description: [r.modelId, r.providerKind].filter(Boolean).join(" · "),
    offline: false,
  }));
}

/** The user's active deployment a chat model id names, or null. */
export async function chatDeployment(db: DbOrTx, userId: string, modelId: string): Promise<{ id: string; name: string } | null> {
  const id = deploymentIdOfModel(modelId);
  if (!id) return null;
  const [row] = await db
    .select({ id: deployments.id, name: deployments.name })
    .from(deployments)
    .where(and(eq(deployments.id, id), eq(deployments.userId, userId), eq(deployments.status, "active")))
    .limit(1);
  return row ?? null;
}
