/**
 * datasets.createUpload's server side: the file's declared name, type and size are checked against the
 * limits (they are checked again where the bytes arrive), the base model must be in the catalog, and
 * one transaction writes the row (status uploading) and its first timeline row. The answer says where
 * to send the bytes: a signed local link, or uploadthing's file route.
 */
import "server-only";
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { type CreateUploadInput, datasetFileIssues, type UploadTarget } from "@/lib/datasets/upload-target";
import { datasetEvents, datasets, type DatasetStorageKind, models } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { datasetStorageKey } from "./keys";
import { datasetUploadLink } from "./upload-link";

/** A field-level problem; `path` is from the procedure's input root. */
export interface DatasetFieldIssue {
  path: string[];
  message: string;
}

export type CreateDatasetUploadResult = { ok: true; id: string; upload: UploadTarget } | { ok: false; issues: DatasetFieldIssue[] };

export interface CreateDatasetUploadOptions {
  maxBytes: number;
  storageKind: DatasetStorageKind;
  now?: Date;
}

export function uploadTargetFor(kind: DatasetStorageKind, datasetId: string, now = Date.now()): UploadTarget {
  if (kind === "uploadthing") return { kind, endpoint: "datasetFile", input: { datasetId } };
  const link = datasetUploadLink(datasetId, now);
  return { kind, url: link.url, method: "PUT", expiresAt: link.expiresAt.toISOString() };
}

export async function createDatasetUpload(
  db: Db,
  userId: string,
  input: CreateUploadInput,
  opts: CreateDatasetUploadOptions,
): Promise<CreateDatasetUploadResult> {
  const issues: DatasetFieldIssue[] = datasetFileIssues(input, opts.maxBytes).map((i) => ({ path: [i.path], message: i.message }));
  if (input.baseModelId) {
    const [model] = await db.select({ id: models.id }).from(models).where(eq(models.id, input.baseModelId)).limit(1);
    if (!model) issues.push({ path: ["baseModelId"], message: "Choose a base model from the catalog." });
  }
  if (issues.length > 0) return { ok: false, issues };

  const id = crypto.randomUUID();
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    await tx.insert(datasets).values({
      id,
      userId,
      name: input.name,
      description: input.description ?? "",
      fileName: input.fileName,
      contentType: input.contentType,
      fileSize: input.fileSize,
      storageKind: opts.storageKind,
      storageKey: datasetStorageKey(userId, id, input.fileName),
      status: "uploading",
      baseModelId: input.baseModelId ?? null,
      validationSplit: input.validationSplit ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(datasetEvents).values({ datasetId: id, fromStatus: null, toStatus: "uploading", step: "created", message: "Upload started" });
  });
  return { ok: true, id, upload: uploadTargetFor(opts.storageKind, id, now.getTime()) };
}
