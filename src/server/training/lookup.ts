/** The rows a training request names, looked up the way deep validation and the estimate need them. */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { GraphDataset } from "@/lib/training/graph-validation";
import { type DatasetRow, datasets, type Model, models } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

const uuid = z.uuid();

/** One of the user's live datasets, or null (an id that is not even a uuid names nothing). */
export async function userDataset(db: DbOrTx, userId: string, datasetId: string): Promise<DatasetRow | null> {
  if (!uuid.safeParse(datasetId).success) return null;
  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, datasetId), eq(datasets.userId, userId), isNull(datasets.deletedAt)))
    .limit(1);
  return row ?? null;
}

export async function catalogModel(db: DbOrTx, modelId: string): Promise<Model | null> {
  const [row] = await db.select().from(models).where(eq(models.id, modelId)).limit(1);
  return row ?? null;
}

/** Trainable means validated (status ready) with the statistics the estimate is computed from. */
export function isTrainable(row: DatasetRow): row is DatasetRow & { stats: NonNullable<DatasetRow["stats"]> } {
  return row.status === "ready" && row.stats !== null;
}

/** The dataset as deep validation sees it. */
export function graphDataset(row: DatasetRow | null): GraphDataset | null {
  if (!row) return null;
  const ready = isTrainable(row);
  // "ready" without statistics cannot happen through the validation function; say so if it does.
  return {
    id: row.id,
    name: row.name,
    ready,
    status: row.status === "ready" && !ready ? "missing its statistics" : row.status,
  };
}
