// Storage connection: embedded PGlite in its own data folder (default, or in memory for tests),
// or a PostgreSQL server named by a URL. Both speak the same SQL, so the store has one implementation.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "./migrations";

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Something that runs SQL: the database itself or an open transaction. */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Db extends Sql {
  kind: "pglite" | "postgres";
  /** Where the data lives, for the start-up log line. */
  description: string;
  /** Runs `fn` in a transaction, retrying it when PostgreSQL aborts it for a deadlock. */
  tx<T>(fn: (q: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** PostgreSQL URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data folder; when neither this nor `databaseUrl` is set, PGlite runs in memory. */
  dataDir?: string;
}

const RETRYABLE = new Set(["40P01", "40001"]); // deadlock detected, serialization failure

/**
 * PGlite is single-process: two runners on one data folder would corrupt it. A pid file guards
 * the folder; a pid file left by a killed runner (its process gone) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "runner.pid");
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (pid && pid !== process.pid) {
      let alive = true;
      try {
        process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`Another Inngest runner (pid ${pid}) is using ${dataDir}; stop it or set INNGEST_RUNNER_DATA_DIR`);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

async function openPglite(dataDir?: string): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  const pg = await PGlite.create(dataDir ? path.join(dataDir, "pgdata") : undefined);
  type PgliteLike = {
    query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }>;
    exec: (t: string) => Promise<unknown>;
  };
  const wrap = (q: PgliteLike): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const r = await q.query(text, params);
      return { rows: r.rows as T[], rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(text) {
      await q.exec(text);
    },
  });
  return {
    kind: "pglite",
    description: dataDir ? `PGlite at ${dataDir}` : "PGlite in memory",
    ...wrap(pg),
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    close: async () => {
      await pg.close();
      unlock();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  const { default: pgLib } = await import("pg");
  const pool = new pgLib.Pool({ connectionString: url, max: 10 });
  pool.on("error", () => {}); // idle client errors surface on the next query instead
  const wrap = (c: { query: (t: string, p?: unknown[]) => Promise<{ rows: unknown[]; rowCount: number | null }> }): Sql => ({
    async query<T>(text: string, params?: unknown[]) {
      const r = await c.query(text, params);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
    },
    async exec(text) {
      await c.query(text); // no parameters: the simple protocol, which allows several statements
    },
  });
  const safeUrl = url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1@");
  return {
    kind: "postgres",
    description: `PostgreSQL ${safeUrl}`,
    ...wrap(pool),
    async tx(fn) {
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const result = await fn(wrap(client));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(() => {});
          const code = (err as { code?: string }).code;
          if (code && RETRYABLE.has(code) && attempt < 5) continue;
          throw err;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}

/** Opens the store's database and brings its tables up to date. */
export async function openDb(opts: DbOptions): Promise<Db> {
  const db = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}
