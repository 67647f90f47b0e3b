/**
 * The uploadthing file route datasets upload through when UPLOADTHING_TOKEN is set: the browser asks
 * /api/uploadthing for a presigned URL (the middleware checks the session, the dataset and the file
 * against the limits, and names the file with our storage key as its customId), sends the bytes
 * straight to uploadthing as a private file, and uploadthing's signed callback confirms the upload.
 */
import "server-only";
import { createRouteHandler, createUploadthing, type FileRouter } from "uploadthing/next";
import { UploadThingError, UTFiles } from "uploadthing/server";
import type { RouteHandlerConfig } from "uploadthing/types";
import { z } from "zod";
import { datasetFileIssues, formatBytes } from "@/lib/datasets/upload-target";
import { getSessionUserFromRequest } from "@/server/auth";
import { getDb } from "@/server/db";
import { logger } from "@/server/log";
import { kickOutbox } from "@/server/outbox/dispatcher";
import { ownDataset } from "./by-id";
import { confirmDatasetUpload } from "./confirm";
import { datasetMaxBytes, uploadthingSizeLimit } from "./limits";

const f = createUploadthing();

export function datasetFileRouter(maxBytes = datasetMaxBytes()) {
  return {
    datasetFile: f(
      {
        // Content decides the format, so the route takes any type; the middleware checks name and type.
        blob: { maxFileSize: uploadthingSizeLimit(maxBytes), maxFileCount: 1, minFileCount: 1, acl: "private", contentDisposition: "attachment" },
      },
      // The browser's upload resolves only after onUploadComplete has confirmed it.
      { awaitServerData: true },
    )
      .input(z.object({ datasetId: z.uuid() }))
      .middleware(async ({ req, input, files }) => {
        const user = await getSessionUserFromRequest(req);
        if (!user) throw new UploadThingError({ code: "FORBIDDEN", message: "Sign in to upload." });
        const row = await ownDataset(await getDb(), user.id, input.datasetId);
        if (row?.storageKind !== "uploadthing") throw new UploadThingError({ code: "NOT_FOUND", message: "Dataset not found." });
        if (row.status !== "uploading") throw new UploadThingError({ code: "BAD_REQUEST", message: "This dataset's file has already been uploaded." });
        const [file] = files;
        if (!file || files.length > 1) throw new UploadThingError({ code: "BAD_REQUEST", message: "Upload exactly one file." });
        const [issue] = datasetFileIssues({ fileName: file.name, fileSize: file.size, contentType: file.type }, maxBytes);
        if (issue) throw new UploadThingError({ code: file.size > maxBytes ? "TOO_LARGE" : "BAD_REQUEST", message: issue.message });
        if (file.size !== row.fileSize) {
          throw new UploadThingError({
            code: "BAD_REQUEST",
            message: `This file is ${formatBytes(file.size)} (${file.size} bytes); the upload was started for ${row.fileSize} bytes.`,
          });
        }
        const name = row.storageKey.split("/").pop() ?? file.name;
        return { datasetId: row.id, userId: user.id, [UTFiles]: [{ ...file, name, customId: row.storageKey }] };
      })
      .onUploadError(({ error, fileKey }) => {
        // The dataset stays uploading: the user can send the file again.
        logger.warn({ fileKey, err: error.message }, "dataset upload to uploadthing failed");
      })
      .onUploadComplete(async ({ metadata, file }) => {
        const result = await confirmDatasetUpload(await getDb(), metadata.userId, metadata.datasetId, { maxBytes, arrived: { size: file.size } });
        if (result.ok && result.started) kickOutbox();
        return { datasetId: metadata.datasetId, status: result.ok ? result.status : null };
      }),
  } satisfies FileRouter;
}

export type DatasetFileRouter = ReturnType<typeof datasetFileRouter>;

/** GET (route config) and POST (upload requests, uploadthing's callbacks) for /api/uploadthing. */
export function datasetUploadHandlers(config: RouteHandlerConfig, router: DatasetFileRouter = datasetFileRouter()) {
  return createRouteHandler({ router, config });
}
