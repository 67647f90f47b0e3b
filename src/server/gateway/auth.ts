/**
 * Who is calling: a `rad_…` key from `Authorization: Bearer`, looked up by its SHA-256 (unique
 * index) and confirmed in constant time; revoked or expired → 401. The chat calls the gateway in
 * process with the signed-in user as principal instead (source "chat", no key).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { apiKeys } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { hashApiToken, hashesMatch, looksLikeApiToken } from "@/server/deployments/api-token";
import { type CachedKey, cachedKey, rememberKey } from "./auth-cache";
import { errors, type GatewayError } from "./errors";

export type Principal =
  | { source: "api"; userId: string; key: { id: string; deploymentId: string | null } }
  | { source: "chat"; userId: string; key: null };

function bearer(req: { readonly headers: Pick<Headers, "get"> }): string | null {
  const h = req.headers.get("authorization");
  if (!h) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  return m ? m[1]! : "";
}

async function lookup(db: DbOrTx, hash: string): Promise<CachedKey | null> {
  const hit = cachedKey(hash);
  if (hit !== undefined) return hit;
  const [row] = await db
    .select({
      id: apiKeys.id,
      userId: apiKeys.userId,
      hash: apiKeys.hash,
      deploymentId: apiKeys.deploymentId,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.hash, hash))
    .limit(1);
  const key = row ?? null;
  rememberKey(hash, key);
  return key;
}

export async function authenticate(db: DbOrTx, req: { readonly headers: Pick<Headers, "get"> }, now = Date.now()): Promise<Principal | GatewayError> {
  const token = bearer(req);
  if (token === null || token === "") return errors.missingKey();
  if (!looksLikeApiToken(token)) return errors.invalidKey();
  const hash = hashApiToken(token);
  const key = await lookup(db, hash);
  if (!key || !hashesMatch(hash, key.hash)) return errors.invalidKey();
  if (key.revokedAt || (key.expiresAt && key.expiresAt.getTime() <= now)) return errors.invalidKey();
  return { source: "api", userId: key.userId, key: { id: key.id, deploymentId: key.deploymentId } };
}
