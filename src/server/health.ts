import "server-only";
import { env } from "@/env";
import { sql } from "drizzle-orm";
import { getConnection } from "@/server/db";
import { describeDb, resolveDbConfig } from "@/server/db/config";
import { authMode } from "@/server/auth/mode";
import { aiAdapter } from "@/server/ai/adapter";
import { storageAdapter } from "@/server/storage/adapter";
import { inngestAdapter } from "@/server/inngest/client";
import { computeAdapter } from "@/server/providers/compute";
import { trainingAdapter } from "@/server/providers/training";
import { currentRequest } from "@/server/http/route";
import { logger } from "@/server/log";

/**
 * Which adapter each outside service uses, and whether the database answers. The endpoint is
 * public, so the answer names kinds only; targets (paths, hosts, URLs) and timings are for
 * development, where the one reading them is the developer.
 */
export async function health(options: { details: boolean } = { details: env.NODE_ENV === "development" }) {
  const config = resolveDbConfig();
  const started = performance.now();
  let ok = true;
  try {
    const { db } = await getConnection();
    await db.execute(sql`select 1`);
  } catch (err) {
    ok = false;
    (currentRequest()?.log ?? logger).error({ err }, "health: database check failed");
  }
  const latencyMs = Math.round(performance.now() - started);
  const ai = aiAdapter();
  const inngest = inngestAdapter();
  const status = ok ? ("ok" as const) : ("degraded" as const);
  if (!options.details) {
    return {
      status,
      adapters: {
        database: { driver: config.driver, ok },
        auth: authMode(),
        ai: { provider: ai.provider },
        storage: storageAdapter(),
        inngest: { mode: inngest.mode },
        compute: computeAdapter(),
        training: trainingAdapter(),
      },
    };
  }
  return {
    status,
    adapters: {
      database: { driver: config.driver, ok, target: describeDb(config), latencyMs },
      auth: authMode(),
      ai,
      storage: storageAdapter(),
      inngest,
      compute: computeAdapter(),
      training: trainingAdapter(),
    },
  };
}
