/** The size cap on dataset files, from DATASET_MAX_BYTES (default 1 GB). */
import "server-only";
import { env, type EnvOf } from "@/env";

export function datasetMaxBytes(e: EnvOf<"DATASET_MAX_BYTES"> = env): number {
  return e.DATASET_MAX_BYTES ?? 1024 ** 3;
}

type Pow2 = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128 | 256 | 512 | 1024;
type Unit = "B" | "KB" | "MB" | "GB";
const POWERS: Pow2[] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
const UNITS: Unit[] = ["B", "KB", "MB", "GB"];

/**
 * uploadthing's route config takes only sizes such as "512MB" or "1GB": the smallest of them that
 * holds `bytes` (the file route's middleware then enforces the exact cap).
 */
export function uploadthingSizeLimit(bytes: number): `${Pow2}${Unit}` {
  for (const [i, unit] of UNITS.entries()) {
    // "1024KB" is "1MB": only the largest unit goes up to 1024.
    for (const p of POWERS) if ((p < 1024 || unit === "GB") && p * 1024 ** i >= bytes) return `${p}${unit}`;
  }
  return "1024GB";
}
