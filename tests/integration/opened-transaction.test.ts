/**
 * openedTransaction (src/server/db/opened-transaction.ts) on every backend: the opening and the
 * work run in one transaction that commits, or rolls back on an error; the opening's parameters
 * arrive intact as literals; on a pool of server sessions, a lock taken by the opening holds the
 * next transaction at its BEGIN.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openedTransaction } from "@/server/db/opened-transaction";
import { rowsOf } from "@/server/db/rows";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";

describe.each(testBackends())("openedTransaction on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
    await tdb.db.execute(sql`create table opened_tx_probe (id int primary key, note text)`);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  it("runs the opening and the work in one transaction, with the opening's values intact", async () => {
    const tricky = "o'brien \\ \"quoted\" $1 ; drop table opened_tx_probe";
    const setting = await openedTransaction(tdb, sql`select set_config('radium.probe', ${tricky}, true), ${7}::int as n`, async (run) => {
      await run(sql`insert into opened_tx_probe (id, note) values (${1}, ${"kept"})`);
      // A setting local to the transaction is still set: the work ran inside the opening's transaction.
      return (await run<{ v: string }>(sql`select current_setting('radium.probe', true) as v`))[0]?.v;
    });
    expect(setting).toBe(tricky);
    const rows = rowsOf<{ note: string }>(await tdb.db.execute(sql`select note from opened_tx_probe where id = 1`));
    expect(rows.map((r) => r.note)).toEqual(["kept"]);
    // Local to the transaction, so gone once it committed.
    const after = rowsOf<{ v: string | null }>(await tdb.db.execute(sql`select nullif(current_setting('radium.probe', true), '') as v`));
    expect(after[0]?.v ?? null).toBeNull();
  });

  it("rolls back the work when it throws, and the connection keeps working", async () => {
    const failed = openedTransaction(tdb, sql`select ${1}::int`, async (run) => {
      await run(sql`insert into opened_tx_probe (id, note) values (${2}, ${"lost"})`);
      throw new Error("changed my mind");
    });
    await expect(failed).rejects.toThrow("changed my mind");
    const rows = rowsOf<{ n: number | string }>(await tdb.db.execute(sql`select count(*) as n from opened_tx_probe where id = 2`));
    expect(Number(rows[0]?.n)).toBe(0);
    const again = await openedTransaction(tdb, sql`select ${1}::int`, async (run) => (await run<{ one: number }>(sql`select 1 as one`))[0]?.one);
    expect(again).toBe(1);
  });

  if (backend !== "pglite") {
    it("holds a second transaction at its BEGIN while the first keeps the opening's lock", async () => {
      const lock = sql`select pg_advisory_xact_lock(${4242}::int, hashtext(${"user_probe"}))`;
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      const order: string[] = [];
      const first = openedTransaction(tdb, lock, async () => {
        order.push("first");
        await held;
        order.push("first done");
      });
      await vi.waitFor(() => expect(order).toEqual(["first"]));
      const second = openedTransaction(tdb, lock, async () => {
        order.push("second");
      });
      // The second waits on the lock (seen by the server), not having run its work.
      await vi.waitFor(async () => {
        const waiting = rowsOf<{ n: number | string }>(await tdb.db.execute(sql`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`));
        expect(Number(waiting[0]?.n)).toBeGreaterThan(0);
      });
      expect(order).toEqual(["first"]);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first", "first done", "second"]);
    });
  }
});
