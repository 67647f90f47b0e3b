/**
 * An upload is complete: the file is in storage at the size declared (and under the cap), so the
 * dataset moves to validating and the validation event goes into the outbox, in one transaction.
 * Called by the client (datasets.confirmUpload) and by the places the bytes arrive (the local upload
 * route, uploadthing's completion callback): whichever comes first moves it, the others find it moved.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DatasetStatus } from "@/lib/dataset-lifecycle";
import { formatBytes, tooLargeMessage } from "@/lib/datasets/upload-target";
import { datasets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { datasetValidationRequested } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { storageFor, type StoredFileInfo } from "@/server/storage";
import { advanceDataset, advanceDatasetIn } from "./advance";

export type ConfirmUploadResult =
  /** `started` when this call moved it to validating (the caller kicks the outbox). */
  | { ok: true; id: string; status: DatasetStatus; started: boolean }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "missing"; reason: string };

export interface ConfirmUploadOptions {
  maxBytes: number;
  /** What the place the bytes arrived at knows of them; otherwise storage is asked. */
  arrived?: Pick<StoredFileInfo, "size">;
}

/** Why a stored file cannot be this dataset's, or null when it can. */
export function arrivedFileProblem(size: number, declared: number, maxBytes: number): string | null {
  if (size > maxBytes) return tooLargeMessage(size, maxBytes);
  if (size !== declared) return `The uploaded file is ${formatBytes(size)} (${size} bytes), but ${declared} bytes were expected. Upload it again.`;
  return null;
}

export async function confirmDatasetUpload(db: Db, userId: string, id: string, opts: ConfirmUploadOptions): Promise<ConfirmUploadResult> {
  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, id), eq(datasets.userId, userId), isNull(datasets.deletedAt)))
    .limit(1);
  if (!row) return { ok: false, code: "not_found" };
  if (row.status !== "uploading") return { ok: true, id, status: row.status, started: false };

  const info = opts.arrived ?? (await (await storageFor(row.storageKind)).head(row.storageKey));
  if (!info) return { ok: false, code: "missing", reason: "The file has not arrived yet: upload it, then confirm." };

  const problem = arrivedFileProblem(info.size, row.fileSize, opts.maxBytes);
  if (problem) {
    const failed = await advanceDataset(db, id, "uploading", "upload_failed", { userId, message: problem });
    return failed.ok ? { ok: true, id, status: failed.to, started: false } : settled(id, failed.current);
  }

  const moved = await db.transaction(async (tx) => {
    const result = await advanceDatasetIn(tx, id, "uploading", "upload_confirmed", {
      userId,
      message: `Upload complete (${formatBytes(info.size)}); validating`,
      patch: { uploadedAt: new Date() },
    });
    if (result.ok) await enqueueEvent(tx, { name: datasetValidationRequested.name, data: { datasetId: id, userId } });
    return result;
  });
  return moved.ok ? { ok: true, id, status: moved.to, started: true } : settled(id, moved.current);
}

/** Another confirmation won the race (or the dataset was deleted meanwhile). */
function settled(id: string, current: DatasetStatus | null): ConfirmUploadResult {
  return current ? { ok: true, id, status: current, started: false } : { ok: false, code: "not_found" };
}
