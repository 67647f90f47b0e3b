/** uploadthing when UPLOADTHING_TOKEN is set; local disk with signed, expiring links otherwise. */
import "server-only";
import { env } from "@/env";

export function storageAdapter() {
  return env.UPLOADTHING_TOKEN ? ("uploadthing" as const) : ("local" as const);
}
