import "server-only";
import { sql } from "drizzle-orm";
import { models } from "../schema";
import type { Db } from "../types";
import { MODEL_CATALOG } from "./model-catalog";

/** Idempotent: re-running updates catalog figures without touching other rows. */
export async function seedModels(db: Db): Promise<number> {
  await db
    .insert(models)
    .values(MODEL_CATALOG)
    .onConflictDoUpdate({
      target: models.id,
      set: Object.fromEntries(
        // Catalog columns only; keys map to snake_case columns (drizzle casing).
        ["name", "provider", "type", "parameterSize", "parameterCountB", "contextWindow", "inputPricePerMillion",
          "outputPricePerMillion", "status", "description", "minGpuMemoryGb", "license"].map((k) => [
          k,
          sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`),
        ]),
      ),
    });
  return MODEL_CATALOG.length;
}
