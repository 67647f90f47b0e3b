/**
 * The local upload link: `PUT /api/uploads/datasets/<id>?expires=&sig=`, an HMAC over the dataset id
 * and the expiry (unix seconds) under the local secret. The dataset row, looked up by id, says where
 * the bytes go and how many may come; the link only proves the server issued it, and when.
 */
import "server-only";
import crypto from "node:crypto";
import { sessionSecret } from "@/server/auth/local-session";

/** How long an upload link may be used to start an upload. */
export const UPLOAD_LINK_TTL_S = 60 * 60;

function sign(datasetId: string, expires: number, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(`dataset-upload:${datasetId}:${expires}`).digest("base64url");
}

export function datasetUploadLink(datasetId: string, now = Date.now(), secret = sessionSecret()): { url: string; expiresAt: Date } {
  const expires = Math.floor(now / 1000) + UPLOAD_LINK_TTL_S;
  const sig = sign(datasetId, expires, secret);
  return { url: `/api/uploads/datasets/${datasetId}?expires=${expires}&sig=${sig}`, expiresAt: new Date(expires * 1000) };
}

export type UploadLinkCheck = "ok" | "invalid" | "expired";

/** A bad signature is "invalid" whatever its expiry; a good one past its expiry is "expired". */
export function checkDatasetUploadLink(
  datasetId: string,
  expires: string | null,
  sig: string | null,
  now = Date.now(),
  secret = sessionSecret(),
): UploadLinkCheck {
  const at = Number(expires);
  if (!expires || !sig || !Number.isSafeInteger(at)) return "invalid";
  const expected = Buffer.from(sign(datasetId, at, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return "invalid";
  return at * 1000 < now ? "expired" : "ok";
}
