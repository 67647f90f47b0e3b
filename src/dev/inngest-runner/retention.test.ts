// Retention: ended runs older than the retention age go with their steps, jobs and events; runs
// still active (and the events they point to) stay; the runner sweeps in the background.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { optionsFromEnv } from "./config";
import type { Db } from "./db";
import { pruneOnce } from "./retention";
import type { Runner } from "./runner";
import * as store from "./store";
import { startTestRunner } from "./testing/harness";
import type { InngestEvent } from "./types";

const DAY = 86_400_000;
// One runner whose background sweep keeps 200 ms; the first test works in the future (100 days
// ahead), where that sweep cannot reach, and calls the pruning itself.
let runner: Runner;
let db: Db;
beforeAll(async () => {
  runner = await startTestRunner({ retentionMs: 200, pruneIntervalMs: 50 });
  db = runner.core.db;
});
afterAll(() => runner?.close());

async function seedRun(q: Db, id: string, at: number, ended: boolean): Promise<void> {
  const event: InngestEvent = { id: `ev-${id}`, name: "t/e", data: {}, ts: at };
  await store.insertEvent(q, event, at, "test");
  await store.insertRun(q, { id, function_id: "app-fn", event_id: event.id, event, events: [event], max_attempts: 1, queued_at: at });
  await store.upsertStep(q, { runId: id, stepId: "s1", name: "s1", op: "StepRun", status: "completed", startedAt: at, endedAt: at });
  if (ended) await store.endRun(q, id, "completed", at, { output: 1 });
  else await store.insertJob(q, { kind: "sleep", runId: id, stepId: "s2", runAt: at + 30 * DAY });
}

const count = async (q: Db, table: string, where: string) =>
  (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM inngest_runner.${table} WHERE ${where}`)).rows[0]!.n;

describe("retention", () => {
  it("prunes ended runs older than the age with their steps and events, keeping active and recent ones", async () => {
    const now = Date.now() + 100 * DAY;
    for (let i = 0; i < 5; i++) await seedRun(db, `old${i}`, now - 10 * DAY - i, true);
    await seedRun(db, "old-but-sleeping", now - 20 * DAY, false);
    await seedRun(db, "recent", now - DAY, true);
    await store.insertEvent(db, { id: "orphan", name: "t/x", data: {}, ts: 0 }, now - 9 * DAY, "test");
    await db.query("INSERT INTO inngest_runner.limiters (key, tat) VALUES ('r:gone', $1), ('r:kept', $2)", [now - 1, now + 1000]);

    expect(await pruneOnce(db, now, 7 * DAY, 2)).toEqual({ runs: 5, events: 6 });
    const runs = (await db.query<{ id: string }>("SELECT id FROM inngest_runner.runs WHERE queued_at > $1 ORDER BY id", [now - 30 * DAY])).rows.map((r) => r.id);
    expect(runs).toEqual(["old-but-sleeping", "recent"]);
    expect(await count(db, "steps", "run_id IN ('old-but-sleeping', 'recent', 'old0')")).toBe(2);
    expect(await count(db, "jobs", "run_id = 'old-but-sleeping'")).toBe(1);
    const events = (await db.query<{ id: string }>("SELECT id FROM inngest_runner.events WHERE received_at > $1 ORDER BY id", [now - 30 * DAY])).rows.map((r) => r.id);
    expect(events).toEqual(["ev-old-but-sleeping", "ev-recent"]);
    expect((await db.query<{ key: string }>("SELECT key FROM inngest_runner.limiters")).rows).toEqual([{ key: "r:kept" }]);
    // Nothing left to do: a second sweep is a no-op.
    expect(await pruneOnce(db, now, 7 * DAY, 2)).toEqual({ runs: 0, events: 0 });
  });

  it("sweeps in the background while the runner runs", async () => {
    await seedRun(db, "done-now", Date.now(), true);
    await seedRun(db, "sleeping-now", Date.now(), false);
    await expect.poll(async () => (await store.getRun(db, "done-now")) === undefined, { timeout: 10_000 }).toBe(true);
    expect(await store.getEvent(db, "ev-done-now")).toBeUndefined();
    expect((await store.getRun(db, "sleeping-now"))?.status).toBe("queued");
  });

  it("reads INNGEST_RUNNER_RETENTION", () => {
    expect(optionsFromEnv({}, "/r").retentionMs).toBeUndefined();
    expect(optionsFromEnv({ INNGEST_RUNNER_RETENTION: "7d" }, "/r").retentionMs).toBe(7 * DAY);
    expect(optionsFromEnv({ INNGEST_RUNNER_RETENTION: "12h" }, "/r").retentionMs).toBe(DAY / 2);
    expect(optionsFromEnv({ INNGEST_RUNNER_RETENTION: "off" }, "/r").retentionMs).toBeNull();
    expect(() => optionsFromEnv({ INNGEST_RUNNER_RETENTION: "a week" }, "/r")).toThrow(/INNGEST_RUNNER_RETENTION/);
  });
});
