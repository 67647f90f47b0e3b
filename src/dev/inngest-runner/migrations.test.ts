// Versioned migrations: a data folder made before migrations were versioned is adopted with its
// data, each migration runs once and in order, and a database newer than the code is refused.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "./db";
import { migrate } from "./migrations";
import { MIGRATIONS } from "./schema";

let dir = "";
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "inngest-runner-migrate-"));
  // What the previous runner left: the initial tables (no migrations table) with a run in them.
  const { PGlite } = await import("@electric-sql/pglite");
  const old = await PGlite.create(path.join(dir, "pgdata"));
  await old.exec(MIGRATIONS[0]!.sql);
  await old.query(
    `INSERT INTO inngest_runner.runs (id, function_id, event, events, status, max_attempts, queued_at)
     VALUES ('r1', 'app-fn', '{}'::jsonb, '[]'::jsonb, 'completed', 1, 42)`,
  );
  await old.close();
  db = await openDb({ dataDir: dir });
}, 60_000);

afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const versions = async () =>
  (await db.query<{ version: number }>("SELECT version FROM inngest_runner.migrations ORDER BY version")).rows.map((r) => r.version);

describe("migrations", () => {
  it("adopts tables created before migrations were versioned, keeping their rows", async () => {
    expect(await versions()).toEqual(MIGRATIONS.map((m) => m.version));
    const runs = await db.query<{ id: string; rank: number; reason: string | null }>("SELECT id, rank, reason FROM inngest_runner.runs");
    expect(runs.rows).toEqual([{ id: "r1", rank: 42, reason: null }]);
    // Running again changes nothing.
    expect(await migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    expect(await versions()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("applies only the migrations a database has not seen, in order, and refuses a newer database", async () => {
    const n = MIGRATIONS.length;
    const later = [
      ...MIGRATIONS,
      // Listed out of order on purpose: b needs a.
      { version: n + 2, name: "b", sql: "ALTER TABLE inngest_runner.a ADD COLUMN y int" },
      { version: n + 1, name: "a", sql: "CREATE TABLE inngest_runner.a (x int)" },
    ];
    expect(await migrate(db, later)).toEqual({ from: n, to: n + 2 });
    expect((await versions()).slice(-2)).toEqual([n + 1, n + 2]);
    await expect(migrate(db)).rejects.toThrow(/newer than this runner/);
  });
});
