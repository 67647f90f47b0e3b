/** Renaming and describing, deleting (soft: the file is removed later) and download links. */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { datasetEvents, datasets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { datasetDeleted } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { storageFor } from "@/server/storage";
import { DEFAULT_LINK_TTL_S } from "@/server/storage/types";
import { ownDataset } from "./by-id";

const owned = (userId: string, id: string) => and(eq(datasets.id, id), eq(datasets.userId, userId), isNull(datasets.deletedAt));

/** False when there is no such live dataset of the user's. */
export async function updateDataset(db: Db, userId: string, id: string, patch: { name?: string; description?: string }): Promise<boolean> {
  const [row] = await db
    .update(datasets)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(owned(userId, id))
    .returning({ id: datasets.id });
  return Boolean(row);
}

/**
 * Soft delete: the row leaves every list at once (with a timeline row), and the event starts the
 * function that removes the file after a grace period (and cancels a validation still running).
 * False when there is no such live dataset of the user's (deleting twice is not found the second time).
 */
export async function deleteDataset(db: Db, userId: string, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(datasets)
      .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
      .where(owned(userId, id))
      .returning({ id: datasets.id, status: datasets.status });
    if (!row) return false;
    await tx.insert(datasetEvents).values({ datasetId: id, fromStatus: row.status, toStatus: row.status, step: "deleted", message: "Deleted" });
    await enqueueEvent(tx, { name: datasetDeleted.name, data: { datasetId: id, userId } });
    return true;
  });
}

export type DownloadLinkResult = { ok: true; url: string; expiresAt: Date } | { ok: false; code: "not_found" | "no_file" };

/** A link to the stored file that stops working after an hour (made now; links are never stored). */
export async function datasetDownloadLink(db: Db, userId: string, id: string, now = Date.now()): Promise<DownloadLinkResult> {
  const row = await ownDataset(db, userId, id);
  if (!row) return { ok: false, code: "not_found" };
  if (!row.uploadedAt) return { ok: false, code: "no_file" };
  const storage = await storageFor(row.storageKind);
  const url = await storage.signedUrl(row.storageKey, { expiresInSeconds: DEFAULT_LINK_TTL_S });
  // Never later than the link itself stops working (it was signed at or after `now`).
  return { ok: true, url, expiresAt: new Date(Math.floor(now / 1000) * 1000 + DEFAULT_LINK_TTL_S * 1000) };
}
