/**
 * Download links for an artifact: each file through the storage's own signed, expiring URL, and
 * "Download all" through /api/artifacts/{id}/zip with an HMAC signature and expiry of ours (the same
 * secret and scheme as /api/files), so a plain link works without a session and stops after an hour.
 */
import "server-only";
import crypto from "node:crypto";
import { sessionSecret } from "@/server/auth/local-session";
import type { ModelArtifactRow } from "@/server/db/schema";
import { getStorage } from "@/server/storage";
import { DEFAULT_LINK_TTL_S } from "@/server/storage/types";
import type { ArtifactDownloads } from "./view";

function sign(artifactId: string, expires: number, secret: Buffer): string {
  return crypto.createHmac("sha256", secret).update(`artifact-zip:${artifactId}:${expires}`).digest("base64url");
}

export function zipPath(artifactId: string, expires: number, secret = sessionSecret()): string {
  return `/api/artifacts/${artifactId}/zip?expires=${expires}&sig=${sign(artifactId, expires, secret)}`;
}

/** True when `sig` was issued for this artifact and `expires` (unix seconds) has not passed. */
export function verifyZipSignature(
  artifactId: string,
  expires: number,
  sig: string,
  secret = sessionSecret(),
  now = Date.now(),
): boolean {
  if (!Number.isFinite(expires) || expires * 1000 < now) return false;
  const expected = Buffer.from(sign(artifactId, expires, secret));
  const given = Buffer.from(sig);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

export async function artifactDownloads(
  row: ModelArtifactRow,
  ttlSeconds = DEFAULT_LINK_TTL_S,
): Promise<ArtifactDownloads> {
  const storage = await getStorage();
  const expires = Math.floor(Date.now() / 1000) + ttlSeconds;
  const files = await Promise.all(
    row.files.map(async (f) => ({
      name: f.name,
      size: f.size,
      url: await storage.signedUrl(f.key, { expiresInSeconds: ttlSeconds }),
    })),
  );
  return { files, zipUrl: zipPath(row.id, expires), expiresAt: new Date(expires * 1000) };
}
