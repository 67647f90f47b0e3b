/**
 * `PUT /api/uploads/datasets/<id>?expires=&sig=`: the local stand-in for a presigned upload URL. The
 * link's HMAC and expiry are the credential (like a presigned URL, it works without a session); the
 * dataset row says how many bytes may come. The body is streamed to disk, never held in memory, and
 * cut off past the declared size or the cap; only a complete file is kept, and it confirms the upload.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { formatBytes, isDatasetContentType, TYPE_MESSAGE, tooLargeMessage } from "@/lib/datasets/upload-target";
import { datasets } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { problem } from "@/server/http/problem";
import { API_CONTENT_SECURITY_POLICY } from "@/server/http/security-headers";
import { StorageLimitError, storageFor } from "@/server/storage";
import { confirmDatasetUpload } from "./confirm";
import { checkDatasetUploadLink } from "./upload-link";
import { isUuid } from "@/lib/uuid";

// The proxy does not run for this route (it would buffer the body), so its headers are set here.
const headers = { "content-security-policy": API_CONTENT_SECURITY_POLICY };

function refuse(req: Request, status: number, code: string, title: string, detail: string): Response {
  return problem(req, { status, title, detail, headers, extensions: { code } });
}

export interface ReceiveUploadOptions {
  maxBytes: number;
  now?: number;
}

export async function receiveDatasetUpload(db: Db, req: Request, id: string, opts: ReceiveUploadOptions): Promise<Response> {
  const url = new URL(req.url);
  if (!isUuid(id)) return refuse(req, 404, "not_found", "Not Found", "No such upload.");
  const link = checkDatasetUploadLink(id, url.searchParams.get("expires"), url.searchParams.get("sig"), opts.now);
  if (link === "invalid") return refuse(req, 403, "link_invalid", "Forbidden", "This upload link is not valid.");
  if (link === "expired") {
    return refuse(req, 403, "link_expired", "Forbidden", "This upload link has expired: start the upload again.");
  }

  const [row] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, id), isNull(datasets.deletedAt)))
    .limit(1);
  if (row?.storageKind !== "local") return refuse(req, 404, "not_found", "Not Found", "No such upload.");
  if (row.status !== "uploading") return refuse(req, 409, "already_uploaded", "Conflict", "This dataset's file has already been uploaded.");

  const contentType = req.headers.get("content-type") ?? "";
  if (!isDatasetContentType(contentType)) return refuse(req, 415, "unsupported_type", "Unsupported Media Type", TYPE_MESSAGE);

  // Never more than was declared, and never more than the cap (which may have been lowered since).
  const allowed = Math.min(row.fileSize, opts.maxBytes);
  const tooLarge = (size: number | null) =>
    row.fileSize > opts.maxBytes
      ? tooLargeMessage(size ?? row.fileSize, opts.maxBytes)
      : `The upload is larger than the ${formatBytes(row.fileSize)} (${row.fileSize} bytes) declared when it started.`;
  const declaredLength = Number(req.headers.get("content-length") ?? Number.NaN);
  if (Number.isSafeInteger(declaredLength) && declaredLength > allowed) {
    return refuse(req, 413, "too_large", "Content Too Large", tooLarge(declaredLength));
  }
  if (!req.body) return refuse(req, 400, "no_body", "Bad Request", "The request has no file in its body.");

  const storage = await storageFor("local");
  let size: number;
  try {
    ({ size } = await storage.putStream(row.storageKey, req.body, { contentType: row.contentType || "application/octet-stream", maxBytes: allowed }));
  } catch (err) {
    if (err instanceof StorageLimitError) return refuse(req, 413, "too_large", "Content Too Large", tooLarge(null));
    if (req.signal.aborted) return refuse(req, 400, "interrupted", "Bad Request", "The upload was interrupted: send the file again.");
    throw err;
  }
  if (size !== row.fileSize) {
    await storage.delete(row.storageKey);
    return refuse(
      req,
      400,
      "incomplete",
      "Bad Request",
      `The upload ended after ${size} of ${row.fileSize} bytes: send the whole file again.`,
    );
  }

  const confirmed = await confirmDatasetUpload(db, row.userId, id, { maxBytes: opts.maxBytes, arrived: { size } });
  if (!confirmed.ok) return refuse(req, 404, "not_found", "Not Found", "No such upload.");
  return Response.json({ id, status: confirmed.status, size }, { headers: { ...headers, "cache-control": "no-store" } });
}
