// Versioned migrations: a data folder made before migrations were versioned is adopted with its
// data, each migration runs once, and a database newer than the code is refused.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "./db";
import { migrate } from "./migrations";
import { MIGRATIONS } from "./schema";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

const versions = async (db: Awaited<ReturnType<typeof openDb>>) =>
  (await db.query<{ version: number }>("SELECT version FROM inngest_runner.migrations ORDER BY version")).rows.map((r) => r.version);

describe("migrations", () => {
  it("adopts tables created before migrations were versioned, keeping their rows", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "inngest-runner-migrate-"));
    // What the previous runner did: the initial SQL only, no migrations table.
    const { PGlite } = await import("@electric-sql/pglite");
    const old = await PGlite.create(path.join(dir, "pgdata"));
    await old.exec(MIGRATIONS[0]!.sql);
    await old.query(
      `INSERT INTO inngest_runner.runs (id, function_id, event, events, status, max_attempts, queued_at)
       VALUES ('r1', 'app-fn', '{}'::jsonb, '[]'::jsonb, 'completed', 1, 42)`,
    );
    await old.close();

    const db = await openDb({ dataDir: dir });
    try {
      expect(await versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const run = await db.query<{ id: string; rank: number; reason: string | null }>("SELECT id, rank, reason FROM inngest_runner.runs");
      expect(run.rows).toEqual([{ id: "r1", rank: 42, reason: null }]);
      // Running again changes nothing.
      expect(await migrate(db)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
      expect(await versions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await db.close();
    }
  });

  it("applies only the migrations a database has not seen, in order", async () => {
    const db = await openDb({});
    try {
      const extra = [
        ...MIGRATIONS,
        { version: MIGRATIONS.length + 2, name: "b", sql: "CREATE TABLE inngest_runner.b (x int)" },
        { version: MIGRATIONS.length + 1, name: "a", sql: "CREATE TABLE inngest_runner.a (x int)" },
      ];
      expect(await migrate(db, extra)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length + 2 });
      expect((await versions(db)).slice(-2)).toEqual([MIGRATIONS.length + 1, MIGRATIONS.length + 2]);
      await expect(migrate(db)).rejects.toThrow(/newer than this runner/);
    } finally {
      await db.close();
    }
  });
});
