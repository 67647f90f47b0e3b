/** One of the user's live artifacts, with its quality, summary, files and version lineage. */
import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { CONVERGENCE_RULE } from "@/lib/training/quality";
import { datasets, type ModelArtifactRow, modelArtifacts, models } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { ArtifactDetail, ArtifactRef } from "./view";

/** How far back the lineage is followed (a chain is one step per retraining). */
const MAX_LINEAGE = 50;

/** The user's live artifact row, or null. */
export async function userArtifact(db: DbOrTx, userId: string, id: string): Promise<ModelArtifactRow | null> {
  const [row] = await db
    .select()
    .from(modelArtifacts)
    .where(and(eq(modelArtifacts.id, id), eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt)))
    .limit(1);
  return row ?? null;
}

async function ancestors(db: DbOrTx, userId: string, parentId: string | null) {
  const chain: (ArtifactRef & { deleted: boolean })[] = [];
  const seen = new Set<string>();
  let next = parentId;
  while (next && chain.length < MAX_LINEAGE && !seen.has(next)) {
    seen.add(next);
    const [row] = await db
      .select({
        id: modelArtifacts.id,
        name: modelArtifacts.name,
        version: modelArtifacts.version,
        parentArtifactId: modelArtifacts.parentArtifactId,
        deletedAt: modelArtifacts.deletedAt,
      })
      .from(modelArtifacts)
      .where(and(eq(modelArtifacts.id, next), eq(modelArtifacts.userId, userId)))
      .limit(1);
    if (!row) break;
    chain.unshift({ id: row.id, name: row.name, version: row.version, deleted: row.deletedAt !== null });
    next = row.parentArtifactId;
  }
  return chain;
}

export async function artifactById(db: DbOrTx, userId: string, id: string): Promise<ArtifactDetail | null> {
  const row = await userArtifact(db, userId, id);
  if (!row) return null;
  const [names] = await db
    .select({ dataset: datasets.name, model: sql<string>`coalesce(${models.name}, ${row.baseModelId})` })
    .from(datasets)
    .leftJoin(models, eq(models.id, row.baseModelId))
    .where(eq(datasets.id, row.datasetId))
    .limit(1);
  const lineage = await ancestors(db, userId, row.parentArtifactId);
  const children = await db
    .select({ id: modelArtifacts.id, name: modelArtifacts.name, version: modelArtifacts.version })
    .from(modelArtifacts)
    .where(
      and(eq(modelArtifacts.parentArtifactId, id), eq(modelArtifacts.userId, userId), isNull(modelArtifacts.deletedAt)),
    )
    .orderBy(asc(modelArtifacts.createdAt));
  const files = row.files.map((f) => ({ name: f.name, size: f.size }));
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    jobId: row.jobId,
    description: row.description,
    baseModel: { id: row.baseModelId, name: names?.model ?? row.baseModelId },
    dataset: { id: row.datasetId, name: names?.dataset ?? row.datasetId },
    convergence: row.quality.convergence.rating,
    finalValidationLoss: row.quality.finalValidationLoss,
    sizeBytes: files.reduce((n, f) => n + f.size, 0),
    quality: { ...row.quality, convergenceRule: CONVERGENCE_RULE },
    summary: row.summary,
    configuration: row.configuration,
    files,
    checkpointStep: row.checkpointStep,
    parent: lineage.at(-1) ?? null,
    lineage,
    children,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
