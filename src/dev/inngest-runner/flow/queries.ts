// Flow-control tables: concurrency slots, parked call jobs, GCRA limiter state, and the run
// lookups singleton and debounce need. Like store.ts, every function runs on the caller's `Sql`.
import type { Sql } from "../db";
import type { RunRow } from "../types";
import { gcra, type GcraLimit, type GcraResult } from "./gcra";
import type { RunFlow } from "./keys";

const S = "inngest_runner";

/**
 * Serializes everything done under these keys until the transaction ends (sorted, so two
 * transactions take them in the same order). PGlite runs one transaction at a time anyway.
 */
export async function lockKeys(q: Sql, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await q.query("SELECT pg_advisory_xact_lock(hashtext($1))", [key]);
}

// ---------- concurrency slots ----------

export async function holdsSlots(q: Sql, runId: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM ${S}.slots WHERE run_id = $1 LIMIT 1`, [runId])).rows.length > 0;
}

export async function countSlots(q: Sql, key: string): Promise<number> {
  const r = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${S}.slots WHERE key = $1`, [key]);
  return r.rows[0]?.n ?? 0;
}

export async function takeSlots(q: Sql, runId: string, keys: string[]): Promise<void> {
  await q.query(
    `INSERT INTO ${S}.slots (key, run_id) SELECT k, $1 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`,
    [runId, keys],
  );
}

/** Frees a run's slots; returns the keys it held. */
export async function dropSlots(q: Sql, runId: string): Promise<string[]> {
  return (await q.query<{ key: string }>(`DELETE FROM ${S}.slots WHERE run_id = $1 RETURNING key`, [runId])).rows.map((r) => r.key);
}

/** True while the run still has something to execute (a discovery, a planned step, a fetch). */
export async function hasCallJobs(q: Sql, runId: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM ${S}.jobs WHERE run_id = $1 AND kind IN ('discover', 'step', 'gateway') LIMIT 1`, [runId]);
  return r.rows.length > 0;
}

// ---------- parked call jobs ----------

/** Parks a claimed call job until a slot of `key` frees up (or `recheckAt`, a safety net). */
export async function parkJob(q: Sql, jobId: string, key: string, recheckAt: number): Promise<void> {
  await q.query(`UPDATE ${S}.jobs SET blocked_on = $2, run_at = $3, locked_at = NULL, dirty = false WHERE id = $1`, [
    jobId,
    key,
    recheckAt,
  ]);
}

export async function unparkJob(q: Sql, jobId: string, now: number): Promise<void> {
  await q.query(`UPDATE ${S}.jobs SET blocked_on = NULL, run_at = $2 WHERE id = $1`, [jobId, now]);
}

export interface ParkedJob {
  id: string;
  run_id: string;
  blocked_on: string;
  flow: RunFlow | null;
}

/** Jobs parked on any of `keys`, the best-placed run first (priority, then age). */
export async function parkedJobs(q: Sql, keys: string[], limit: number): Promise<ParkedJob[]> {
  const r = await q.query<ParkedJob>(
    `SELECT j.id, j.run_id, j.blocked_on, r.flow FROM ${S}.jobs j JOIN ${S}.runs r ON r.id = j.run_id
     WHERE j.blocked_on = ANY($1::text[]) AND j.locked_at IS NULL ORDER BY r.rank, j.id LIMIT $2`,
    [keys, limit],
  );
  return r.rows;
}

// ---------- GCRA limiters (throttle, rateLimit, idempotency) ----------

/** Takes one admission from the limiter `key` if it has room (the caller holds `lockKeys([key])`). */
export async function takeToken(q: Sql, key: string, now: number, limit: GcraLimit): Promise<GcraResult> {
  const row = (await q.query<{ tat: number }>(`SELECT tat FROM ${S}.limiters WHERE key = $1`, [key])).rows[0];
  const result = gcra(row?.tat ?? null, now, limit);
  if (result.allowed) {
    await q.query(
      `INSERT INTO ${S}.limiters (key, tat) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET tat = EXCLUDED.tat`,
      [key, result.tat],
    );
  }
  return result;
}

// ---------- singleton and debounce ----------

/** Runs of `functionId` with this singleton key that have not ended. */
export async function activeSingletonRuns(q: Sql, functionId: string, key: string): Promise<string[]> {
  const r = await q.query<{ id: string }>(
    `SELECT id FROM ${S}.runs WHERE function_id = $1 AND singleton_key = $2 AND ended_at IS NULL ORDER BY id`,
    [functionId, key],
  );
  return r.rows.map((x) => x.id);
}

/** The debounced run still waiting for its quiet period under this key, locked for update. */
export async function pendingDebounce(q: Sql, key: string): Promise<RunRow | undefined> {
  const r = await q.query<RunRow>(
    `SELECT * FROM ${S}.runs WHERE debounce_key = $1 AND started_at IS NULL AND ended_at IS NULL ORDER BY id DESC LIMIT 1 FOR UPDATE`,
    [key],
  );
  return r.rows[0];
}

/**
 * Moves a debounced run's start (and its `timeouts.start` deadline, which counts from then);
 * false when its call is already in flight (too late to merge).
 */
export async function moveDebouncedStart(q: Sql, runId: string, runAt: number, startTimeoutMs?: number): Promise<boolean> {
  const r = await q.query(`UPDATE ${S}.jobs SET run_at = $2 WHERE run_id = $1 AND kind = 'discover' AND locked_at IS NULL`, [runId, runAt]);
  if (r.rowCount > 0 && startTimeoutMs) {
    await q.query(`UPDATE ${S}.jobs SET run_at = $2 WHERE run_id = $1 AND kind = 'timeout' AND step_id = 'start'`, [runId, runAt + startTimeoutMs]);
  }
  return r.rowCount > 0;
}

/** A debounced run takes the newer event as its trigger. */
export async function replaceRunEvent(q: Sql, run: Pick<RunRow, "id" | "event" | "flow" | "rank" | "reason">): Promise<void> {
  await q.query(
    `UPDATE ${S}.runs SET event_id = $2, event = $3::jsonb, events = $4::jsonb, flow = $5::jsonb, rank = $6, reason = $7 WHERE id = $1`,
    [run.id, run.event.id, JSON.stringify(run.event), JSON.stringify([run.event]), run.flow ? JSON.stringify(run.flow) : null, run.rank, run.reason],
  );
}
