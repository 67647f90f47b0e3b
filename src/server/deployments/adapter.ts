/** The adapter a deployment asks to serve, looked up among the caller's own live model artifacts. */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { AdapterArtifact } from "@/lib/deployments/adapter";
import { modelArtifacts } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

export async function ownedAdapterArtifact(db: DbOrTx, userId: string, artifactId: string): Promise<AdapterArtifact | null> {
  const [row] = await db
    .select({ name: modelArtifacts.name, baseModelId: modelArtifacts.baseModelId })
    .from(modelArtifacts)
    .where(and(eq(modelArtifacts.id, artifactId), eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt)))
    .limit(1);
  return row ?? null;
}
