import "server-only";
import path from "node:path";
import { env, type EnvOf } from "@/env";

export type DbDriver = "pglite" | "node-postgres" | "neon";

export interface DbConfig {
  driver: DbDriver;
  /** Postgres URL for server drivers; data directory (or "memory://") for PGlite. */
  url: string;
}

/**
 * One place decides the driver from the environment:
 * no DATABASE_URL → embedded PGlite in `.data/pglite` (or PGLITE_DIR);
 * a Neon URL, or DATABASE_DRIVER=neon → the Neon serverless Pool;
 * any other Postgres URL → node-postgres.
 */
export function resolveDbConfig(e: EnvOf<"DATABASE_URL" | "DATABASE_DRIVER" | "PGLITE_DIR"> = env): DbConfig {
  const url = e.DATABASE_URL;
  const forced = e.DATABASE_DRIVER;
  if (!url) {
    return { driver: "pglite", url: e.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite") };
  }
  if (forced === "neon" || forced === "node-postgres") return { driver: forced, url };
  const host = safeHost(url);
  return { driver: host.endsWith(".neon.tech") ? "neon" : "node-postgres", url };
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgres://user:pass@host:port/db)");
  }
}

/** Host and database only: never log credentials. */
export function describeDb(config: DbConfig): string {
  if (config.driver === "pglite") return `pglite (${config.url})`;
  const u = new URL(config.url);
  return `${config.driver} (${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname})`;
}
