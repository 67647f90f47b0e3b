// Brings a database's tables up to the newest schema: the migrations it has not seen yet are
// applied in order, in one transaction, and recorded with their version.
import type { Db } from "./db";
import { MIGRATIONS, type Migration } from "./schema";

const BOOTSTRAP_SQL = `
CREATE SCHEMA IF NOT EXISTS inngest_runner;
CREATE TABLE IF NOT EXISTS inngest_runner.migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at double precision NOT NULL
);
`;

export interface MigrationResult {
  from: number;
  to: number;
}

export async function migrate(db: Db, migrations: Migration[] = MIGRATIONS): Promise<MigrationResult> {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  return db.tx(async (q) => {
    // Two runners starting at once against one PostgreSQL database: the second waits here.
    if (db.kind === "postgres") await q.query("SELECT pg_advisory_xact_lock(8288)");
    await q.exec(BOOTSTRAP_SQL);
    const r = await q.query<{ v: number | null }>("SELECT MAX(version) AS v FROM inngest_runner.migrations");
    const from = r.rows[0]?.v ?? 0;
    if (from > latest) {
      throw new Error(`The runner's tables are at version ${from}, newer than this runner knows (${latest}); update the runner`);
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (m.version <= from) continue;
      await q.exec(m.sql);
      await q.query("INSERT INTO inngest_runner.migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        m.version,
        m.name,
        Date.now(),
      ]);
    }
    return { from, to: Math.max(from, latest) };
  });
}
