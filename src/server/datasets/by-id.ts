/** One live dataset of the user's, with its statistics, preview, issues and timeline. */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { datasetEvents, datasets, type DatasetRow } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { type DatasetDetail, detailOf } from "./view";

/** The user's dataset row, unless it is someone else's, unknown or deleted. */
export async function ownDataset(db: DbOrTx, userId: string, id: string): Promise<DatasetRow | null> {
  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.userId, userId), isNull(datasets.deletedAt)))
    .limit(1);
  return row ?? null;
}

export async function datasetById(db: DbOrTx, userId: string, id: string): Promise<DatasetDetail | null> {
  const row = await ownDataset(db, userId, id);
  if (!row) return null;
  const events = await db.select().from(datasetEvents).where(eq(datasetEvents.datasetId, id)).orderBy(asc(datasetEvents.id));
  return detailOf(row, events);
}
