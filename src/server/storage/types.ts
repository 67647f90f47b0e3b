/** Private file storage. Keys look like `{userId}/{resource}/{file}`; we store keys, never URLs. */
export interface FileStorage {
  kind: "local" | "uploadthing";
  put(key: string, body: Uint8Array, opts: { contentType: string }): Promise<{ key: string; size: number }>;
  read(key: string): Promise<{ body: Uint8Array; contentType: string }>;
  /** A download link that stops working after `expiresInSeconds` (default one hour). */
  signedUrl(key: string, opts?: { expiresInSeconds?: number }): Promise<string>;
  delete(key: string): Promise<void>;
}

const KEY = /^user_[A-Za-z0-9]+\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)+$/;

/** Rejects traversal and anything not shaped `{userId}/{resource}/{file}`. */
export function assertStorageKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((p) => p === "." || p === "..")) {
    throw new Error(`Invalid storage key "${key}"`);
  }
  return key;
}

export const DEFAULT_LINK_TTL_S = 60 * 60;
