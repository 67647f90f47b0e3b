import "server-only";
import path from "node:path";

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
export function resolveDbConfig(env: Record<string, string | undefined> = process.env): DbConfig {
  const url = env.DATABASE_URL?.trim();
  const forced = env.DATABASE_DRIVER?.trim();
  if (!url) {
    return { driver: "pglite", url: env.PGLITE_DIR?.trim() || path.join(process.cwd(), ".data", "pglite") };
  }
  if (forced === "neon" || forced === "node-postgres") return { driver: forced, url };
  if (forced && forced !== "auto") throw new Error(`DATABASE_DRIVER must be neon, node-postgres or auto, got "${forced}"`);
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
