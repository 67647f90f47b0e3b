import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connect } from "./connect";
import { isUniqueViolation } from "./errors";
import { PgliteThread } from "./pglite-thread";
import { rowsOf } from "./rows";

const TIMESTAMPTZ = 1184;
const opened: Array<{ close: () => Promise<void> }> = [];

async function start(dir = "memory://"): Promise<PgliteThread> {
  const t = await PgliteThread.start(dir);
  opened.push(t);
  await t.query("create table if not exists items (id int primary key, name text not null, tags jsonb, at timestamptz default now())");
  return t;
}

afterEach(async () => {
  for (const t of opened.splice(0)) await t.close().catch(() => {});
});

describe("the embedded database on its own thread", () => {
  // One thread for the tests that need an empty table only (starting one takes seconds).
  let shared: PgliteThread;
  beforeAll(async () => {
    shared = await PgliteThread.start("memory://");
    await shared.query("create table items (id int primary key, name text not null, tags jsonb, at timestamptz default now())");
  });
  afterAll(() => shared.close());
  beforeEach(() => shared.query("truncate items"));

  it("answers queries with parameters, as objects or arrays, parsing values as PGlite does", async () => {
    const t = shared;
    await t.query("insert into items (id, name, tags) values ($1, $2, $3)", [1, "one", { a: [1, 2] }]);
    const objects = await t.query<{ id: number; name: string; tags: unknown; ok: boolean }>("select id, name, tags, true as ok from items");
    expect(objects.rows).toEqual([{ id: 1, name: "one", tags: { a: [1, 2] }, ok: true }]);
    const arrays = await t.query("select id, name from items", [], { rowMode: "array" });
    expect(arrays.rows).toEqual([[1, "one"]]);
    expect(arrays.fields.map((f) => f.name)).toEqual(["id", "name"]);
  });

  it("runs the caller's parsers on the columns of their types, in both row modes", async () => {
    const t = shared;
    await t.query("insert into items (id, name, at) values (1, 'one', '2026-01-02T03:04:05Z')");
    const parsers = { [TIMESTAMPTZ]: (text: string) => `parsed ${text}` };
    const obj = await t.query<{ at: string; id: number }>("select at, id from items", [], { parsers });
    expect(obj.rows[0]).toEqual({ at: "parsed 2026-01-02 03:04:05+00", id: 1 });
    const arr = await t.query("select id, at from items", [], { rowMode: "array", parsers });
    expect(arr.rows[0]).toEqual([1, "parsed 2026-01-02 03:04:05+00"]);
    // Without parsers, the thread's own: a Date.
    const plain = await t.query<{ at: unknown }>("select at from items");
    expect(plain.rows[0]!.at).toBeInstanceOf(Date);
  });

  it("commits a transaction whose callback resolves and rolls back one that throws, rethrowing its error", async () => {
    const t = shared;
    await expect(
      t.transaction(async (tx) => {
        await tx.query("insert into items (id, name) values (1, 'kept')");
        return "done";
      }),
    ).resolves.toBe("done");
    const boom = new Error("boom");
    await expect(
      t.transaction(async (tx) => {
        await tx.query("insert into items (id, name) values (2, 'dropped')");
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await t.query<{ name: string }>("select name from items order by id")).rows).toEqual([{ name: "kept" }]);
  });

  it("holds a statement sent from outside an open transaction until the transaction ends", async () => {
    const t = shared;
    let outside: Promise<number> | null = null;
    let outsideDone = false;
    await expect(
      t.transaction(async (tx) => {
        await tx.query("insert into items (id, name) values (1, 'uncommitted')");
        outside = t.query<{ n: number }>("select count(*)::int as n from items").then((r) => {
          outsideDone = true;
          return r.rows[0]!.n;
        });
        // The transaction's own statements still run while the outside one waits.
        const inside = await tx.query<{ n: number }>("select count(*)::int as n from items");
        expect(inside.rows[0]!.n).toBe(1);
        expect(outsideDone).toBe(false);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // It ran after the rollback, not inside the transaction: it sees no row.
    expect(await outside).toBe(0);
  });

  it("keeps Postgres's error code and constraint, and the database stays usable after a failed transaction", async () => {
    const t = shared;
    await t.query("insert into items (id, name) values (1, 'one')");
    const err = await t.query("insert into items (id, name) values (1, 'again')").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: "23505", constraint: "items_pkey" });
    expect(isUniqueViolation(err, "items_pkey")).toBe(true);
    await expect(t.transaction((tx) => tx.query("insert into items (id, name) values (1, 'in a tx')"))).rejects.toMatchObject({ code: "23505" });
    await expect(t.query("select 1 as one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it("refuses a query on a transaction that has ended", async () => {
    const t = shared;
    let kept: Parameters<Parameters<PgliteThread["transaction"]>[0]>[0] | null = null;
    await t.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept!.query("select 1")).rejects.toThrow("already ended");
  });

  it("keeps its data in a folder across a close and a new thread", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-pglite-thread-"));
    try {
      const first = await start(dir);
      await first.query("insert into items (id, name) values (7, 'stays')");
      await first.close();
      const second = await start(dir);
      expect((await second.query<{ name: string }>("select name from items")).rows).toEqual([{ name: "stays" }]);
      await second.close();
      await expect(second.query("select 1")).rejects.toThrow("stopped");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves Drizzle: migrations, nested transactions (savepoints) and raw SQL", async () => {
    const conn = await connect({ driver: "pglite", url: "memory://" });
    opened.push(conn);
    const { migrateDb } = await import("./connect");
    await migrateDb(conn);
    await conn.db.execute(sql`create table notes (id int primary key, body text)`);
    await conn.db.transaction(async (tx) => {
      await tx.execute(sql`insert into notes values (1, 'outer')`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into notes values (2, 'inner')`);
          throw new Error("undo the inner one");
        })
        .catch(() => {});
    });
    const rows = rowsOf<{ id: number; body: string }>(await conn.db.execute(sql`select id, body from notes order by id`));
    expect(rows).toEqual([{ id: 1, body: "outer" }]);
    const migrated = rowsOf<{ n: number }>(await conn.db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'chats'`));
    expect(migrated[0]!.n).toBe(1);
  });
});
