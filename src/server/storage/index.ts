import "server-only";
import { storageAdapter } from "./adapter";
import { localStorage } from "./local";
import type { FileStorage } from "./types";

export type { FileStorage } from "./types";

let storage: FileStorage | undefined;

/** The configured storage, chosen once from UPLOADTHING_TOKEN. */
export async function getStorage(): Promise<FileStorage> {
  if (storage) return storage;
  if (storageAdapter() === "uploadthing") {
    const { uploadthingStorage } = await import("./uploadthing");
    storage = uploadthingStorage();
  } else {
    storage = localStorage();
  }
  return storage;
}
