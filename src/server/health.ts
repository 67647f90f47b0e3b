import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "@/server/db";
import { describeDb, resolveDbConfig } from "@/server/db/config";
import { authMode } from "@/server/auth/mode";
import { aiAdapter } from "@/server/ai/adapter";
import { storageAdapter } from "@/server/storage/adapter";
import { inngestAdapter } from "@/server/inngest/client";

/** Which adapter each outside service uses, and whether the database answers. */
export async function health() {
  const config = resolveDbConfig();
  const started = performance.now();
  let database: { driver: string; target: string; ok: boolean; latencyMs?: number; error?: string };
  try {
    const { db } = await getConnection();
    await db.execute(sql`select 1`);
    database = { driver: config.driver, target: describeDb(config), ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    // Details go to the server log; the public answer only says the database is down.
    console.error("[health] database check failed:", err);
    database = { driver: config.driver, target: describeDb(config), ok: false, error: "The database did not answer." };
  }
  return {
    status: database.ok ? ("ok" as const) : ("degraded" as const),
    adapters: { database, auth: authMode(), ai: aiAdapter(), storage: storageAdapter(), inngest: inngestAdapter() },
  };
}
