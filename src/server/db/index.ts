import "server-only";
import { describeDb, resolveDbConfig } from "./config";
import { connect, migrateDb, type Connection } from "./connect";
import { seedModels } from "./seed/models";

export type { Db, Tx, DbOrTx } from "./types";

// Cached on globalThis: Next can evaluate this module in several bundles of one process,
// and PGlite must own its data directory exactly once.
const g = globalThis as unknown as { __radiumDb?: Promise<Connection> };

async function open(): Promise<Connection> {
  const config = resolveDbConfig();
  const conn = await connect(config);
  // The embedded database has no separate deploy step, so it migrates itself.
  // Server databases are migrated by `npm run db:migrate`.
  if (config.driver === "pglite") {
    await migrateDb(conn);
    await seedModels(conn.db);
  }
  console.info(`[db] using ${describeDb(config)}`);
  return conn;
}

export function getConnection(): Promise<Connection> {
  g.__radiumDb ??= open().catch((err) => {
    g.__radiumDb = undefined;
    throw err;
  });
  return g.__radiumDb;
}

export async function getDb() {
  return (await getConnection()).db;
}

/** Tests hand in their own connection (PGlite in memory, a fresh Postgres database…). */
export function setConnectionForTesting(conn: Connection | undefined) {
  g.__radiumDb = conn ? Promise.resolve(conn) : undefined;
}
