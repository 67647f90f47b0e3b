/** A deleted dataset's file leaves storage (after a grace period, in the purge function). */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { datasetEvents, datasets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { storageFor } from "@/server/storage";

export type PurgeOutcome = { removed: true } | { removed: false; reason: "not_found" | "not_deleted" | "already_removed" };

/** Idempotent: deleting a file storage no longer has is no error, and the row records the removal once. */
export async function removeDeletedDatasetFile(db: Db, datasetId: string): Promise<PurgeOutcome> {
  const [row] = await db.select().from(datasets).where(eq(datasets.id, datasetId)).limit(1);
  if (!row) return { removed: false, reason: "not_found" };
  if (!row.deletedAt) return { removed: false, reason: "not_deleted" };
  if (row.fileRemovedAt) return { removed: false, reason: "already_removed" };
  await (await storageFor(row.storageKind)).delete(row.storageKey);
  return db.transaction(async (tx) => {
    const [marked] = await tx
      .update(datasets)
      .set({ fileRemovedAt: sql`now()` })
      .where(and(eq(datasets.id, datasetId), isNull(datasets.fileRemovedAt)))
      .returning({ status: datasets.status });
    if (!marked) return { removed: false, reason: "already_removed" };
    await tx.insert(datasetEvents).values({ datasetId, fromStatus: marked.status, toStatus: marked.status, step: "file_removed", message: "File removed from storage" });
    return { removed: true };
  });
}
