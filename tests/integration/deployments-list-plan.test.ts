/**
 * The deployments list is served by an index in its exact order: `ORDER BY created_at DESC, id DESC`
 * sorts nulls first, and an index written NULLS LAST cannot serve it, so PostgreSQL read and sorted
 * every row of the user (7 ms for 10,000 rows, against 0.05 ms with a matching index). With
 * sequential scans off, a plan that still needs a Sort node has no index in the right order.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listQueryForTesting } from "@/server/deployments/list";
import { openTestDatabase, testBackends, type TestDatabase } from "../helpers/db";
import { newUser } from "../chat/helpers";

function planText(result: unknown): string {
  const rows = typeof result === "object" && result !== null && "rows" in result && Array.isArray(result.rows) ? result.rows : [];
  return rows.map((r: Record<string, unknown>) => String(r["QUERY PLAN"] ?? "")).join("\n");
}

describe.each(testBackends())("deployments.list plan on %s", (backend) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });

  async function plan(opts: Parameters<typeof listQueryForTesting>[2]): Promise<string> {
    const { id } = await newUser(tdb.db, "Plan");
    return tdb.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return planText(await tx.execute(sql`explain ${listQueryForTesting(tx, id, opts)}`));
    });
  }

  it("reads the first page and a later page straight from the live-rows index, with no sort", async () => {
    const cursor = Buffer.from(JSON.stringify([new Date().toISOString(), crypto.randomUUID()])).toString("base64url");
    for (const p of [await plan({ limit: 20 }), await plan({ limit: 20, cursor })]) {
      expect(p).toContain("deployments_user_live_created_idx");
      expect(p).not.toMatch(/\bSort\b/);
    }
  });

  it("reads deleted deployments (outside the live-rows index) from the per-status index, with no sort", async () => {
    const p = await plan({ limit: 20, status: "deleted" });
    expect(p).toContain("deployments_user_status_created_idx");
    expect(p).not.toMatch(/\bSort\b/);
  });

  it("reads any other status's page from an index in the list's order, with no sort", async () => {
    const p = await plan({ limit: 20, status: "active" });
    expect(p).toMatch(/Index Scan using deployments_user_(live|status)_created_idx/);
    expect(p).not.toMatch(/\bSort\b/);
  });
});
