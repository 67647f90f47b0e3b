import "server-only";
import path from "node:path";
import fs from "node:fs";
import { env } from "@/env";
import { logger } from "@/server/log";
import type { DbConfig } from "./config";
import * as schema from "./schema";
import type { SessionPool } from "./opened-transaction";
import type { Db } from "./types";

export interface Connection {
  db: Db;
  driver: DbConfig["driver"];
  /** One session runs every caller's statements one at a time (PGlite): a single statement is atomic against all others. */
  oneSession: boolean;
  /** The pool of server sessions, for a transaction opened in one round trip (opened-transaction.ts). */
  sessions?: SessionPool;
  close: () => Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), "drizzle");

/** Opens a connection with the configured driver. Drivers are imported lazily so each
 * deployment loads only the one it uses. */
export async function connect(config: DbConfig): Promise<Connection> {
  switch (config.driver) {
    case "pglite": {
      const { PgliteThread } = await import("./pglite-thread");
      const { drizzle } = await import("drizzle-orm/pglite");
      if (!config.url.startsWith("memory://")) fs.mkdirSync(config.url, { recursive: true });
      // On its own thread, so the database's work never stops the server's requests (pglite-thread.ts).
      const client = await PgliteThread.start(config.url);
      const db = drizzle({ client: client.asPglite(), schema, casing: "snake_case" });
      return { db: db as unknown as Db, driver: "pglite", oneSession: true, close: () => client.close() };
    }
    case "node-postgres": {
      const { Pool } = await import("pg");
      const { drizzle } = await import("drizzle-orm/node-postgres");
      const pool = new Pool({ connectionString: config.url, max: env.DATABASE_POOL_MAX });
      // An idle client whose server connection ends (a database restart, a terminated backend)
      // emits "error" on the pool; unhandled, that would crash the process. The pool replaces it.
      pool.on("error", (err) => logger.warn({ err }, "database: an idle connection was closed by the server"));
      const db = drizzle({ client: pool, schema, casing: "snake_case" });
      return { db: db as unknown as Db, driver: "node-postgres", oneSession: false, sessions: pool, close: () => pool.end() };
    }
    case "neon": {
      const { Pool, neonConfig } = await import("@neondatabase/serverless");
      const { drizzle } = await import("drizzle-orm/neon-serverless");
      if (typeof globalThis.WebSocket === "undefined") {
        neonConfig.webSocketConstructor = (await import("ws")).default;
      }
      const pool = new Pool({ connectionString: config.url });
      pool.on("error", (err: Error) => logger.warn({ err }, "database: an idle connection was closed by the server"));
      const db = drizzle({ client: pool, schema, casing: "snake_case" });
      return { db: db as unknown as Db, driver: "neon", oneSession: false, sessions: pool, close: () => pool.end() };
    }
  }
}

/** Applies the SQL migrations in `drizzle/` with the driver's own migrator. */
export async function migrateDb(conn: Connection, migrationsFolder = MIGRATIONS): Promise<void> {
  const opts = { migrationsFolder };
  switch (conn.driver) {
    case "pglite":
      return (await import("drizzle-orm/pglite/migrator")).migrate(conn.db as never, opts);
    case "node-postgres":
      return (await import("drizzle-orm/node-postgres/migrator")).migrate(conn.db as never, opts);
    case "neon":
      return (await import("drizzle-orm/neon-serverless/migrator")).migrate(conn.db as never, opts);
  }
}
