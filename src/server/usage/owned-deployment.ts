import "server-only";
import { and, eq } from "drizzle-orm";
import { deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

/** Whether the deployment is the user's (deleted ones included: their history stays readable). */
export async function ownsDeployment(db: DbOrTx, userId: string, deploymentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: deployments.id })
    .from(deployments)
    .where(and(eq(deployments.id, deploymentId), eq(deployments.userId, userId)))
    .limit(1);
  return Boolean(row);
}
