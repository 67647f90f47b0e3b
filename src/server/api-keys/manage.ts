/** The apiKeys router's server side: create (the key shown once), list, revoke. Always the caller's own rows. */
import "server-only";
import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { type ApiKeyView, apiKeyState } from "@/lib/gateway/api-keys";
import { apiKeys, deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { issueApiToken } from "@/server/deployments/api-token";
import { forgetCachedKey } from "@/server/gateway/auth-cache";

export type CreateApiKeyResult =
  | { ok: true; key: string; apiKey: ApiKeyView }
  | { ok: false; code: "deployment_not_found" | "expiry_in_past"; message: string };

const MAX_KEYS_PER_USER = 200;

export async function createApiKey(
  db: DbOrTx,
  userId: string,
  input: { name: string; deploymentId?: string | null; expiresAt?: Date | null },
  now = new Date(),
): Promise<CreateApiKeyResult | { ok: false; code: "too_many"; message: string }> {
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, code: "expiry_in_past", message: "expiresAt: Choose an expiry date in the future." };
  }
  let deployment: { id: string; name: string } | null = null;
  if (input.deploymentId) {
    const [row] = await db
      .select({ id: deployments.id, name: deployments.name })
      .from(deployments)
      .where(and(eq(deployments.id, input.deploymentId), eq(deployments.userId, userId), ne(deployments.status, "deleted")))
      .limit(1);
    if (!row) return { ok: false, code: "deployment_not_found", message: "deploymentId: Deployment not found." };
    deployment = row;
  }
  const live = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .limit(MAX_KEYS_PER_USER);
  if (live.length >= MAX_KEYS_PER_USER) {
    return { ok: false, code: "too_many", message: `You have ${MAX_KEYS_PER_USER} active keys: revoke one first.` };
  }
  const token = issueApiToken();
  const [row] = await db
    .insert(apiKeys)
    .values({
      userId,
      name: input.name,
      hash: token.hash,
      prefix: token.prefix,
      deploymentId: deployment?.id ?? null,
      expiresAt: input.expiresAt ?? null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("api key insert returned no row");
  return {
    ok: true,
    key: token.token,
    apiKey: {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      deployment,
      createdAt: row.createdAt,
      lastUsedAt: null,
      expiresAt: row.expiresAt,
      revokedAt: null,
      state: apiKeyState(row, now),
    },
  };
}

/** Every key of the user (revoked ones too, marked), newest first. */
export async function listApiKeys(db: DbOrTx, userId: string, now = new Date()): Promise<ApiKeyView[]> {
  const rows = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      deploymentId: apiKeys.deploymentId,
      deploymentName: deployments.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(deployments, eq(deployments.id, apiKeys.deploymentId))
    .where(eq(apiKeys.userId, userId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(500);
  return rows.map(({ deploymentId, deploymentName, ...r }) => ({
    ...r,
    deployment: deploymentId ? { id: deploymentId, name: deploymentName ?? "" } : null,
    state: apiKeyState(r, now),
  }));
}

/** Revokes one of the user's keys; revoking twice keeps the first time. Null when it is not theirs. */
export async function revokeApiKey(db: DbOrTx, userId: string, id: string, now = new Date()): Promise<{ id: string; revokedAt: Date } | null> {
  const [updated] = await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id, hash: apiKeys.hash, revokedAt: apiKeys.revokedAt });
  if (updated?.revokedAt) {
    forgetCachedKey(updated.hash);
    return { id: updated.id, revokedAt: updated.revokedAt };
  }
  const [existing] = await db
    .select({ id: apiKeys.id, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId)))
    .limit(1);
  return existing?.revokedAt ? { id: existing.id, revokedAt: existing.revokedAt } : null;
}
