/** Private file storage. Keys look like `{userId}/{resource}/{file}`; we store keys, never URLs. */
export interface FileStorage {
  kind: "local" | "uploadthing";
  put(key: string, body: Uint8Array, opts: { contentType: string }): Promise<{ key: string; size: number }>;
  /**
   * Stores a stream without holding it in memory (local disk); the stored file appears whole or not at
   * all. More than `maxBytes` rejects with StorageLimitError and stores nothing.
   */
  putStream(key: string, body: ReadableStream<Uint8Array>, opts: { contentType: string; maxBytes?: number }): Promise<{ key: string; size: number }>;
  read(key: string): Promise<{ body: Uint8Array; contentType: string }>;
  /** The file as a stream, for readers whose memory must stay flat in the file's size. */
  readStream(key: string): Promise<StoredStream>;
  /** Size and type of a stored file, or null when there is none. */
  head(key: string): Promise<StoredFileInfo | null>;
  /** A download link that stops working after `expiresInSeconds` (default one hour). */
  signedUrl(key: string, opts?: { expiresInSeconds?: number }): Promise<string>;
  delete(key: string): Promise<void>;
}

export interface StoredFileInfo {
  size: number;
  contentType: string;
}

export interface StoredStream {
  body: ReadableStream<Uint8Array>;
  /** Null when the store did not say (a chunked response). */
  size: number | null;
  contentType: string;
}

/** A stream grew past the size it was allowed. */
export class StorageLimitError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
    this.name = "StorageLimitError";
  }
}

/** The file is not in storage. */
export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file at "${key}".`);
    this.name = "StorageNotFoundError";
  }
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
