import "server-only";
import { storageAdapter } from "./adapter";
import { localStorage } from "./local";
import type { FileStorage } from "./types";

export type { FileStorage, StoredFileInfo, StoredStream } from "./types";
export { StorageLimitError, StorageNotFoundError } from "./types";

type StorageKind = FileStorage["kind"];

const stores: Partial<Record<StorageKind, FileStorage>> = {};
let overrides: Partial<Record<StorageKind, FileStorage>> | undefined;

/**
 * The storage of a given kind. A file is read back from the kind it was stored in (kept with its
 * row), whatever UPLOADTHING_TOKEN says now.
 */
export async function storageFor(kind: StorageKind): Promise<FileStorage> {
  const override = overrides?.[kind];
  if (override) return override;
  const cached = stores[kind];
  if (cached) return cached;
  let store: FileStorage;
  if (kind === "uploadthing") {
    const { uploadthingStorage } = await import("./uploadthing");
    store = uploadthingStorage();
  } else {
    store = localStorage();
  }
  stores[kind] = store;
  return store;
}

/** The configured storage for new files, chosen from UPLOADTHING_TOKEN. */
export function getStorage(): Promise<FileStorage> {
  return storageFor(storageAdapter());
}

/** Tests hand in their own stores (a temporary folder, uploadthing against its fake). */
export function setStorageForTesting(stores: Partial<Record<StorageKind, FileStorage>> | undefined) {
  overrides = stores;
}
