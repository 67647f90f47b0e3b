/** A user's training jobs, newest first, keyset-paginated on (created_at, id). */
import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { TrainingStatus } from "@/lib/training-lifecycle";
import { datasets, models, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { decodePageCursor, pageOf } from "./page-cursor";
import type { TrainingJobListItem } from "./view";

export interface TrainingListOptions {
  status?: TrainingStatus;
  cursor?: string | null;
  limit: number;
}

/** Null when the cursor is not one of ours. */
export async function listTrainingJobs(
  db: DbOrTx,
  userId: string,
  opts: TrainingListOptions,
): Promise<{ items: TrainingJobListItem[]; nextCursor: string | null } | null> {
  const after = opts.cursor ? decodePageCursor(opts.cursor) : null;
  if (opts.cursor && !after) return null;
  const j = trainingJobs;
  const rows = await db
    .select({
      id: j.id,
      name: j.name,
      status: j.status,
      stage: j.stage,
      progress: j.progress,
      // The catalog may have lost the entry (it is reseeded): the id stands in for the name.
      model: { id: j.modelId, name: sql<string>`coalesce(${models.name}, ${j.modelId})` },
      dataset: { id: j.datasetId, name: datasets.name },
      costSoFarCents: j.costSoFarCents,
      estimatedTotalCents: j.estimatedTotalCents,
      createdAt: j.createdAt,
    })
    .from(j)
    .innerJoin(datasets, eq(datasets.id, j.datasetId))
    .leftJoin(models, eq(models.id, j.modelId))
    .where(
      and(
        eq(j.userId, userId),
        opts.status ? eq(j.status, opts.status) : undefined,
        after
          ? or(lt(j.createdAt, after.createdAt), and(eq(j.createdAt, after.createdAt), lt(j.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(j.createdAt), desc(j.id))
    .limit(opts.limit + 1);
  return pageOf(rows, opts.limit);
}
