/** A user's live model artifacts, newest first, keyset-paginated on (created_at, id). */
import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { datasets, modelArtifacts, models } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { decodePageCursor, pageOf } from "@/server/training/page-cursor";
import type { ArtifactListItem } from "./view";

export async function listArtifacts(
  db: DbOrTx,
  userId: string,
  opts: { cursor?: string | null; limit: number },
): Promise<{ items: ArtifactListItem[]; nextCursor: string | null } | null> {
  const after = opts.cursor ? decodePageCursor(opts.cursor) : null;
  if (opts.cursor && !after) return null;
  const a = modelArtifacts;
  const rows = await db
    .select({
      id: a.id,
      name: a.name,
      version: a.version,
      jobId: a.jobId,
      baseModel: { id: a.baseModelId, name: sql<string>`coalesce(${models.name}, ${a.baseModelId})` },
      dataset: { id: a.datasetId, name: datasets.name },
      convergence: sql<ArtifactListItem["convergence"]>`${a.quality} #>> '{convergence,rating}'`,
      finalValidationLoss: sql<number | null>`(${a.quality} ->> 'finalValidationLoss')::float8`,
      sizeBytes: sql<number>`coalesce((select sum((f ->> 'size')::bigint) from jsonb_array_elements(${a.files}) f), 0)::float8`,
      createdAt: a.createdAt,
    })
    .from(a)
    .innerJoin(datasets, eq(datasets.id, a.datasetId))
    .leftJoin(models, eq(models.id, a.baseModelId))
    .where(
      and(
        eq(a.userId, userId),
        isNull(a.deletedAt),
        after
          ? or(lt(a.createdAt, after.createdAt), and(eq(a.createdAt, after.createdAt), lt(a.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit);
}
