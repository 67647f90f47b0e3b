/** uploadthing when UPLOADTHING_TOKEN is set; local disk with signed, expiring links otherwise. */
import "server-only";
export function storageAdapter() {
  return process.env.UPLOADTHING_TOKEN?.trim() ? ("uploadthing" as const) : ("local" as const);
}
