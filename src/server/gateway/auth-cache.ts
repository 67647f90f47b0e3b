/**
 * A short-lived, per-process memory of key lookups, so a burst of requests on one key costs one
 * query. Revoking in this process forgets the key at once; other instances notice within TTL_MS.
 */
import "server-only";

export interface CachedKey {
  id: string;
  userId: string;
  hash: string;
  deploymentId: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

// On globalThis: the route handlers and the tRPC route may be separate module instances in Next.
const g = globalThis as unknown as { __radiumKeyCache?: Map<string, { key: CachedKey | null; at: number }> };
const cache = () => (g.__radiumKeyCache ??= new Map());

/** The remembered lookup (null: known not to exist), or undefined when it must be asked again. */
export function cachedKey(hash: string, now = Date.now()): CachedKey | null | undefined {
  const hit = cache().get(hash);
  if (!hit) return undefined;
  if (now - hit.at > TTL_MS) {
    cache().delete(hash);
    return undefined;
  }
  return hit.key;
}

export function rememberKey(hash: string, key: CachedKey | null, now = Date.now()): void {
  const c = cache();
  if (c.size >= MAX_ENTRIES) {
    const oldest = c.keys().next().value;
    if (oldest !== undefined) c.delete(oldest);
  }
  c.set(hash, { key, at: now });
}

export function forgetCachedKey(hash: string): void {
  cache().delete(hash);
}
