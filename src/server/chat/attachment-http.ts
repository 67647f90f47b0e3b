/**
 * /api/chat/attachments over HTTP. POST takes one file as the raw request body (its name in
 * `?name=`, its type in Content-Type), refuses it as soon as it is known to be too large or of the
 * wrong kind, stores it and answers the part to put in the message. GET serves an attachment to
 * whoever may read it (access.ts); DELETE removes one of the caller's that no message shows yet.
 * Errors are problem details whose `detail` the composer shows as it is.
 */
import "server-only";
import { attachmentUrl, checkAttachment, cleanFilename, tooLargeMessage } from "@/lib/chat/attachments";
import { isStorableText } from "@/lib/zod/text";
import { getSessionUserFromRequest, lookupProfile } from "@/server/auth";
import { getDb } from "@/server/db";
import { isCrossSiteRequest } from "@/server/http/origin";
import { readCappedBytes } from "@/server/http/read-capped";
import { slidingWindowLimiter } from "@/server/http/rate-limit";
import { StorageNotFoundError, storageFor } from "@/server/storage";
import { ensureUser } from "@/server/users/ensure-user";
import { readableAttachment } from "./access";
import { AttachmentRefusal, deleteAttachment, storeAttachment } from "./attachments";
import { ChatError, type ChatErrorType } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Uploads per user per 10 minutes (per process): generous for people, a bound on scripted filling of storage. */
const UPLOADS_PER_WINDOW = 60;
const uploads = slidingWindowLimiter({ limit: UPLOADS_PER_WINDOW, windowMs: 10 * 60_000 });

/** Every refusal is a ChatError on the attachment surface: one problem-details shape for the whole chat API. */
function refuse(req: Request, type: ChatErrorType, detail: string, headers?: Record<string, string>): Response {
  return new ChatError(type, "attachment", detail, headers).toResponse(req);
}

export async function handleAttachmentUpload(req: Request): Promise<Response> {
  if (isCrossSiteRequest(req)) return refuse(req, "forbidden", "Cross-site requests cannot upload files.");
  const user = await getSessionUserFromRequest(req);
  if (!user) return refuse(req, "unauthorized", "Sign in to attach files.");
  const limit = uploads.hit(user.id);
  if (!limit.allowed) {
    return refuse(req, "rate_limit", "Too many files uploaded in a short time. Wait a few minutes and try again.", { "retry-after": String(limit.retryAfterS) });
  }
  const rawName = new URL(req.url).searchParams.get("name") ?? "";
  if (!rawName.trim() || !isStorableText(rawName)) return refuse(req, "bad_request", "Name the file in the ?name= parameter.");
  const filename = cleanFilename(rawName);
  const declaredType = req.headers.get("content-type") ?? "";
  const declaredLength = Number(req.headers.get("content-length") ?? Number.NaN);

  // What the name, type and declared length already say, before a byte is read.
  const check = checkAttachment({ name: filename, type: declaredType, size: Number.isSafeInteger(declaredLength) ? declaredLength : 1 });
  if (!check.ok) return refuse(req, check.code, check.message);
  if (!req.body) return refuse(req, "empty", `"${filename}" is empty.`);
  const bytes = await readCappedBytes(req.body, check.maxBytes);
  if (!bytes) return refuse(req, "too_large", tooLargeMessage(filename, null, check.kind));

  const db = await getDb();
  await ensureUser(db, user, lookupProfile);
  try {
    const row = await storeAttachment(db, user.id, { filename, declaredType, bytes });
    return Response.json(
      { id: row.id, url: attachmentUrl(row.id), mediaType: row.mediaType, filename: row.filename, size: row.size, kind: row.kind },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  } catch (err) {
    if (err instanceof AttachmentRefusal) return refuse(req, err.code, err.message);
    throw err;
  }
}

/** `filename*` carries any name; the plain `filename` is an ASCII stand-in for old clients. */
function contentDisposition(type: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function handleAttachmentRead(req: Request, id: string): Promise<Response> {
  const user = await getSessionUserFromRequest(req);
  if (!user) return refuse(req, "unauthorized", "Sign in to see attachments.");
  const row = UUID.test(id) ? await readableAttachment(await getDb(), id, user.id) : null;
  if (!row) return refuse(req, "not_found", "Attachment not found.");
  try {
    const file = await (await storageFor(row.storageKind)).readStream(row.storageKey);
    const download = new URL(req.url).searchParams.has("download");
    return new Response(file.body, {
      headers: {
        // Text is always served as text (never HTML a browser would run), in UTF-8 as it was checked; opened in
        // a tab as text/plain, since browsers download rather than show some text types (CSV, TSV).
        "content-type": row.kind === "text" ? `${download ? row.mediaType : "text/plain"}; charset=utf-8` : row.mediaType,
        ...(file.size === null ? {} : { "content-length": String(file.size) }),
        "content-disposition": contentDisposition(download ? "attachment" : "inline", row.filename),
        "x-content-type-options": "nosniff",
        // An attachment never changes; who may read it can (a chat made private), so shared caches keep nothing.
        "cache-control": "private, max-age=3600",
      },
    });
  } catch (err) {
    if (err instanceof StorageNotFoundError) return refuse(req, "not_found", "Attachment not found.");
    throw err;
  }
}

export async function handleAttachmentDelete(req: Request, id: string): Promise<Response> {
  if (isCrossSiteRequest(req)) return refuse(req, "forbidden", "Cross-site requests cannot delete files.");
  const user = await getSessionUserFromRequest(req);
  if (!user) return refuse(req, "unauthorized", "Sign in to remove attachments.");
  const result = UUID.test(id) ? await deleteAttachment(await getDb(), user.id, id) : "not_found";
  if (result === "not_found") return refuse(req, "not_found", "Attachment not found.");
  if (result === "in_use") return refuse(req, "conflict", "This attachment is part of a sent message and stays with it.");
  return new Response(null, { status: 204 });
}
