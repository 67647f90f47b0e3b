/** Rename, describe and (soft) delete an artifact of the user's; the files stay with the job's checkpoints. */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { modelArtifacts } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

export async function updateArtifact(
  db: DbOrTx,
  userId: string,
  id: string,
  patch: { name?: string; description?: string },
): Promise<{ id: string; name: string; description: string } | null> {
  const [row] = await db
    .update(modelArtifacts)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(modelArtifacts.id, id), eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt)))
    .returning({ id: modelArtifacts.id, name: modelArtifacts.name, description: modelArtifacts.description });
  return row ?? null;
}

export async function deleteArtifact(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const [row] = await db
    .update(modelArtifacts)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(modelArtifacts.id, id), eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt)))
    .returning({ id: modelArtifacts.id });
  return Boolean(row);
}
