// Data access for the runner's tables. Every function takes the `Sql` to run on, so callers
// compose them inside one transaction (`db.tx`). No HTTP ever happens while a transaction is open.
import type { Sql } from "./db";
import { ulid } from "./ids";
import {
  TERMINAL_STATUSES,
  type AttemptRecord,
  type InngestEvent,
  type JobKind,
  type JobRow,
  type Memo,
  type RegisteredFunction,
  type RunRow,
  type RunStatus,
  type SerializedError,
  type StepRow,
  type StepStatus,
} from "./types";

const S = "inngest_runner";
/** The terminal run statuses as an SQL list, for `status NOT IN ${TERMINAL_SQL}`. */
const TERMINAL_SQL = `(${TERMINAL_STATUSES.map((t) => `'${t}'`).join(", ")})`;
/** A value as a jsonb parameter; null/undefined become SQL NULL (so COALESCE keeps the old value). */
const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

// ---------- events ----------

export async function insertEvent(q: Sql, event: InngestEvent, receivedAt: number, source: string): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO ${S}.events (id, name, payload, received_at, source) VALUES ($1, $2, $3::jsonb, $4, $5)
     ON CONFLICT (id) DO NOTHING`,
    [event.id, event.name, json(event), receivedAt, source],
  );
  return r.rowCount > 0;
}

export interface EventRecord {
  id: string;
  name: string;
  payload: InngestEvent;
  received_at: number;
  source: string | null;
}

export async function getEvent(q: Sql, id: string): Promise<EventRecord | undefined> {
  const r = await q.query<EventRecord>(`SELECT * FROM ${S}.events WHERE id = $1`, [id]);
  return r.rows[0];
}

export async function listEvents(
  q: Sql,
  opts: { limit: number; name?: string; before?: number; hideFinished?: boolean },
): Promise<EventRecord[]> {
  const params: unknown[] = [opts.limit];
  const where: string[] = [];
  if (opts.name) where.push(`name = $${params.push(opts.name)}`);
  if (opts.before) where.push(`received_at < $${params.push(opts.before)}`);
  if (opts.hideFinished) where.push(`name <> 'inngest/function.finished'`);
  const r = await q.query<EventRecord>(
    `SELECT * FROM ${S}.events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY received_at DESC, id DESC LIMIT $1`,
    params,
  );
  return r.rows;
}

// ---------- apps & functions ----------

export interface AppRecord {
  url: string;
  app_name: string;
  framework: string | null;
  sdk: string | null;
  functions_hash: string | null;
  function_count: number;
  synced_at: number | null;
  error: string | null;
  error_at: number | null;
}

export async function listApps(q: Sql): Promise<AppRecord[]> {
  return (await q.query<AppRecord>(`SELECT * FROM ${S}.apps ORDER BY url`)).rows;
}

export async function getApp(q: Sql, url: string): Promise<AppRecord | undefined> {
  return (await q.query<AppRecord>(`SELECT * FROM ${S}.apps WHERE url = $1`, [url])).rows[0];
}

export async function upsertApp(q: Sql, app: Omit<AppRecord, "error" | "error_at">): Promise<void> {
  await q.query(
    `INSERT INTO ${S}.apps (url, app_name, framework, sdk, functions_hash, function_count, synced_at, error, error_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)
     ON CONFLICT (url) DO UPDATE SET app_name = $2, framework = $3, sdk = $4, functions_hash = $5,
       function_count = $6, synced_at = $7, error = NULL, error_at = NULL`,
    [app.url, app.app_name, app.framework, app.sdk, app.functions_hash, app.function_count, app.synced_at],
  );
}

export async function setAppError(q: Sql, url: string, error: string | null, at: number): Promise<void> {
  await q.query(
    `INSERT INTO ${S}.apps (url, app_name, error, error_at) VALUES ($1, $1, $2, $3)
     ON CONFLICT (url) DO UPDATE SET error = $2, error_at = $3`,
    [url, error, at],
  );
}

export async function listFunctions(q: Sql): Promise<RegisteredFunction[]> {
  const r = await q.query<{ id: string; app_url: string; name: string; config: RegisteredFunction["config"] }>(
    `SELECT id, app_url, name, config FROM ${S}.functions ORDER BY id`,
  );
  return r.rows.map((f) => ({ id: f.id, appUrl: f.app_url, name: f.name, config: f.config }));
}

/** Replaces an app's functions with `fns`; functions the app no longer serves are removed. */
export async function replaceAppFunctions(q: Sql, appUrl: string, fns: RegisteredFunction[], now: number): Promise<void> {
  await q.query(`DELETE FROM ${S}.functions WHERE app_url = $1 AND NOT (id = ANY($2::text[]))`, [appUrl, fns.map((f) => f.id)]);
  for (const f of fns) {
    await q.query(
      `INSERT INTO ${S}.functions (id, app_url, name, config, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)
       ON CONFLICT (id) DO UPDATE SET app_url = $2, name = $3, config = $4::jsonb, updated_at = $5`,
      [f.id, appUrl, f.name, json(f.config), now],
    );
  }
}

// ---------- runs ----------

export type NewRun = Pick<RunRow, "id" | "function_id" | "event_id" | "event" | "events" | "max_attempts" | "queued_at"> &
  Partial<Pick<RunRow, "parent_run_id" | "parent_step_id" | "reason" | "rank" | "flow" | "singleton_key" | "debounce_key">> & {
    /** A run skipped by flow control is stored already ended, so the dashboard can say why. */
    skipped?: boolean;
  };

export async function insertRun(q: Sql, run: NewRun): Promise<void> {
  await q.query(
    `INSERT INTO ${S}.runs (id, function_id, event_id, event, events, status, max_attempts, queued_at, parent_run_id, parent_step_id,
                           reason, rank, flow, singleton_key, debounce_key, ended_at)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16)`,
    [
      run.id,
      run.function_id,
      run.event_id,
      json(run.event),
      json(run.events),
      run.skipped ? "skipped" : "queued",
      run.max_attempts,
      run.queued_at,
      run.parent_run_id ?? null,
      run.parent_step_id ?? null,
      run.reason ?? null,
      run.rank ?? run.queued_at,
      json(run.flow),
      run.singleton_key ?? null,
      run.debounce_key ?? null,
      run.skipped ? run.queued_at : null,
    ],
  );
}

export async function getRun(q: Sql, id: string, forUpdate = false): Promise<RunRow | undefined> {
  const r = await q.query<RunRow>(`SELECT * FROM ${S}.runs WHERE id = $1 ${forUpdate ? "FOR UPDATE" : ""}`, [id]);
  return r.rows[0];
}

export async function getChildRun(q: Sql, parentRunId: string, parentStepId: string): Promise<RunRow | undefined> {
  const r = await q.query<RunRow>(`SELECT * FROM ${S}.runs WHERE parent_run_id = $1 AND parent_step_id = $2`, [
    parentRunId,
    parentStepId,
  ]);
  return r.rows[0];
}

export interface RunListFilter {
  status?: string[];
  functionId?: string;
  eventId?: string;
  limit: number;
  before?: string;
}

export type RunSummary = Omit<RunRow, "steps" | "stack" | "events" | "event" | "flow"> & { event_name: string };

export async function listRuns(q: Sql, f: RunListFilter): Promise<RunSummary[]> {
  const params: unknown[] = [f.limit];
  const where: string[] = [];
  if (f.status?.length) where.push(`status = ANY($${params.push(f.status)}::text[])`);
  if (f.functionId) where.push(`function_id = $${params.push(f.functionId)}`);
  if (f.eventId) where.push(`event_id = $${params.push(f.eventId)}`);
  if (f.before) where.push(`id < $${params.push(f.before)}`);
  const r = await q.query<RunSummary>(
    `SELECT id, function_id, event_id, status, die, max_attempts, output, error, parent_run_id, parent_step_id,
            queued_at, started_at, ended_at, reason, rank, singleton_key, debounce_key, event->>'name' AS event_name
     FROM ${S}.runs ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $1`,
    params,
  );
  return r.rows;
}

export async function countRunsByStatus(q: Sql): Promise<Record<string, number>> {
  const r = await q.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM ${S}.runs GROUP BY status`);
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}

export async function activeRunsOf(q: Sql, functionId: string): Promise<RunRow[]> {
  const r = await q.query<RunRow>(
    `SELECT * FROM ${S}.runs WHERE function_id = $1 AND status NOT IN ${TERMINAL_SQL}`,
    [functionId],
  );
  return r.rows;
}

/** Memoizes one step result and pushes it onto the run's stack, in one atomic update. */
export async function memoize(q: Sql, runId: string, stepId: string, value: Memo): Promise<void> {
  await q.query(
    `UPDATE ${S}.runs SET steps = steps || jsonb_build_object($2::text, $3::jsonb), stack = stack || to_jsonb($2::text)
     WHERE id = $1`,
    [runId, stepId, JSON.stringify(value)],
  );
}

export async function setRunStatus(q: Sql, runId: string, status: RunStatus): Promise<void> {
  await q.query(`UPDATE ${S}.runs SET status = $2 WHERE id = $1`, [runId, status]);
}

export async function markRunStarted(q: Sql, runId: string, now: number): Promise<boolean> {
  const r = await q.query(
    `UPDATE ${S}.runs SET status = 'running', started_at = $2 WHERE id = $1 AND status = 'queued'`,
    [runId, now],
  );
  return r.rowCount > 0;
}

/** Records (or clears, with null) which flow-control rule is holding the run back or ended it. */
export async function setRunReason(q: Sql, runId: string, reason: string | null): Promise<void> {
  await q.query(`UPDATE ${S}.runs SET reason = $2 WHERE id = $1`, [runId, reason]);
}

export async function setRunDie(q: Sql, runId: string): Promise<void> {
  await q.query(`UPDATE ${S}.runs SET die = true WHERE id = $1`, [runId]);
}

export async function endRun(
  q: Sql,
  runId: string,
  status: "completed" | "failed" | "cancelled",
  now: number,
  result: { output?: unknown; error?: SerializedError | null },
): Promise<void> {
  await q.query(
    `UPDATE ${S}.runs SET status = $2, ended_at = $3, output = $4::jsonb, error = $5::jsonb,
       started_at = COALESCE(started_at, $3) WHERE id = $1`,
    [runId, status, now, json(result.output ?? null), json(result.error ?? null)],
  );
}

export async function setRunError(q: Sql, runId: string, error: SerializedError | null): Promise<void> {
  await q.query(`UPDATE ${S}.runs SET error = $2::jsonb WHERE id = $1`, [runId, json(error)]);
}

// ---------- steps (the timeline shown on the dashboard) ----------

export interface StepUpsert {
  runId: string;
  stepId: string;
  name: string;
  op: string;
  status: StepStatus;
  startedAt?: number | null;
  endedAt?: number | null;
  output?: unknown;
  error?: SerializedError | null;
  detail?: Record<string, unknown> | null;
  /** Adds one attempt to the count and to the history. */
  attempt?: AttemptRecord;
}

export async function upsertStep(q: Sql, s: StepUpsert): Promise<void> {
  const history = s.attempt ? [s.attempt] : [];
  await q.query(
    `INSERT INTO ${S}.steps AS st (run_id, step_id, seq, name, op, status, attempts, started_at, ended_at, output, error, detail, history)
     VALUES ($1, $2, (SELECT COALESCE(MAX(seq), 0) + 1 FROM ${S}.steps WHERE run_id = $1), COALESCE(NULLIF($3, ''), $2), $4, $5, $6, $7, $8,
             $9::jsonb, $10::jsonb, $11::jsonb, $12::jsonb)
     ON CONFLICT (run_id, step_id) DO UPDATE SET
       name = CASE WHEN $3 = '' THEN st.name ELSE $3 END,
       op = $4, status = $5,
       attempts = st.attempts + $6,
       started_at = COALESCE(st.started_at, $7),
       ended_at = $8,
       output = COALESCE($9::jsonb, st.output),
       error = $10::jsonb,
       detail = COALESCE(st.detail, '{}'::jsonb) || COALESCE($11::jsonb, '{}'::jsonb),
       history = st.history || $12::jsonb`,
    [
      s.runId,
      s.stepId,
      s.name,
      s.op,
      s.status,
      s.attempt ? 1 : 0,
      s.startedAt ?? null,
      s.endedAt ?? null,
      json(s.output),
      json(s.error ?? null),
      json(s.detail ?? null),
      JSON.stringify(history),
    ],
  );
}

export async function setStepStatus(q: Sql, runId: string, stepId: string, status: StepStatus, now?: number): Promise<void> {
  await q.query(
    `UPDATE ${S}.steps SET status = $3, started_at = COALESCE(started_at, $4) WHERE run_id = $1 AND step_id = $2`,
    [runId, stepId, status, now ?? null],
  );
}

/** Ends the steps still open when their run ends (step statuses, not run statuses). */
export async function cancelOpenSteps(q: Sql, runId: string, now: number): Promise<void> {
  await q.query(
    `UPDATE ${S}.steps SET status = 'cancelled', ended_at = $2
     WHERE run_id = $1 AND status NOT IN ('completed', 'failed', 'cancelled')`,
    [runId, now],
  );
}

export async function getStep(q: Sql, runId: string, stepId: string): Promise<StepRow | undefined> {
  return (await q.query<StepRow>(`SELECT * FROM ${S}.steps WHERE run_id = $1 AND step_id = $2`, [runId, stepId])).rows[0];
}

export async function listSteps(q: Sql, runId: string): Promise<StepRow[]> {
  return (await q.query<StepRow>(`SELECT * FROM ${S}.steps WHERE run_id = $1 ORDER BY seq`, [runId])).rows;
}

// ---------- jobs (durable queue) ----------

export async function insertJob(
  q: Sql,
  job: { kind: JobKind; runId: string; stepId?: string; attempt?: number; runAt: number; data?: Record<string, unknown> },
): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO ${S}.jobs (id, kind, run_id, step_id, attempt, run_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
     ON CONFLICT (kind, run_id, step_id) DO NOTHING`,
    [ulid(), job.kind, job.runId, job.stepId ?? "", job.attempt ?? 0, job.runAt, json(job.data ?? null)],
  );
  return r.rowCount > 0;
}

/**
 * Asks for a discovery call of the run. At most one discovery job exists per run; if one is already
 * in flight, it is flagged dirty so it runs once more when it finishes (nothing is lost, nothing doubles).
 */
export async function requestDiscovery(q: Sql, runId: string, now: number): Promise<void> {
  await q.query(
    `INSERT INTO ${S}.jobs AS j (id, kind, run_id, step_id, attempt, run_at) VALUES ($1, 'discover', $2, '', 0, $3)
     ON CONFLICT (kind, run_id, step_id) DO UPDATE SET
       dirty = j.dirty OR j.locked_at IS NOT NULL,
       run_at = CASE WHEN j.locked_at IS NULL THEN LEAST(j.run_at, $3) ELSE j.run_at END`,
    [ulid(), runId, now],
  );
}

export async function hasJob(q: Sql, kind: JobKind, runId: string, stepId: string): Promise<boolean> {
  const r = await q.query(`SELECT 1 FROM ${S}.jobs WHERE kind = $1 AND run_id = $2 AND step_id = $3`, [kind, runId, stepId]);
  return r.rows.length > 0;
}

/** Removes a finished job — unless it was flagged dirty meanwhile, in which case it is queued again now. */
export async function finishJob(q: Sql, jobId: string, now: number): Promise<void> {
  await q.query(
    `WITH gone AS (DELETE FROM ${S}.jobs WHERE id = $1 AND NOT dirty RETURNING id)
     UPDATE ${S}.jobs SET dirty = false, locked_at = NULL, attempt = 0, run_at = $2
     WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM gone)`,
    [jobId, now],
  );
}

/** Queues a job again right away, as a fresh first attempt. */
export async function requeueJob(q: Sql, jobId: string, now: number): Promise<void> {
  await q.query(`UPDATE ${S}.jobs SET dirty = false, locked_at = NULL, attempt = 0, run_at = $2 WHERE id = $1`, [jobId, now]);
}

export async function retryJob(q: Sql, jobId: string, attempt: number, runAt: number): Promise<void> {
  await q.query(`UPDATE ${S}.jobs SET attempt = $2, run_at = $3, locked_at = NULL, dirty = false WHERE id = $1`, [
    jobId,
    attempt,
    runAt,
  ]);
}

export async function rescheduleJob(q: Sql, jobId: string, runAt: number, data?: Record<string, unknown>): Promise<void> {
  await q.query(
    `UPDATE ${S}.jobs SET run_at = $2, locked_at = NULL, dirty = false, data = COALESCE($3::jsonb, data) WHERE id = $1`,
    [jobId, runAt, json(data ?? null)],
  );
}

export async function deleteJob(q: Sql, kind: JobKind, runId: string, stepId: string): Promise<void> {
  await q.query(`DELETE FROM ${S}.jobs WHERE kind = $1 AND run_id = $2 AND step_id = $3`, [kind, runId, stepId]);
}

export async function deleteJobById(q: Sql, id: string): Promise<void> {
  await q.query(`DELETE FROM ${S}.jobs WHERE id = $1`, [id]);
}

export async function deleteRunJobs(q: Sql, runId: string): Promise<void> {
  await q.query(`DELETE FROM ${S}.jobs WHERE run_id = $1`, [runId]);
  await q.query(`DELETE FROM ${S}.waits WHERE run_id = $1`, [runId]);
}

/** Claims up to `limit` due jobs, marking them locked so no other worker takes them. */
export async function claimDueJobs(q: Sql, now: number, limit: number): Promise<JobRow[]> {
  const r = await q.query<JobRow>(
    `UPDATE ${S}.jobs SET locked_at = $1, dirty = false, blocked_on = NULL
     WHERE id IN (SELECT id FROM ${S}.jobs WHERE locked_at IS NULL AND run_at <= $1 ORDER BY run_at, id LIMIT $2
                  FOR UPDATE SKIP LOCKED)
     RETURNING *`,
    [now, limit],
  );
  return r.rows.sort((a, b) => a.run_at - b.run_at);
}

export async function nextJobTime(q: Sql): Promise<number | null> {
  const r = await q.query<{ t: number | null }>(`SELECT MIN(run_at) AS t FROM ${S}.jobs WHERE locked_at IS NULL`);
  return r.rows[0]?.t ?? null;
}

/** After a restart, jobs that were in flight when the process died are free to run again. */
export async function unlockAllJobs(q: Sql): Promise<number> {
  return (await q.query(`UPDATE ${S}.jobs SET locked_at = NULL WHERE locked_at IS NOT NULL`)).rowCount;
}

export async function listRunJobs(q: Sql, runId: string): Promise<JobRow[]> {
  return (await q.query<JobRow>(`SELECT * FROM ${S}.jobs WHERE run_id = $1 ORDER BY run_at`, [runId])).rows;
}

export async function listCronJobs(q: Sql): Promise<JobRow[]> {
  return (await q.query<JobRow>(`SELECT * FROM ${S}.jobs WHERE kind = 'cron' ORDER BY run_at`)).rows;
}

// ---------- waits ----------

export interface WaitRow {
  run_id: string;
  step_id: string;
  event_name: string;
  expression: string | null;
  expires_at: number | null;
  created_at: number;
}

export async function insertWait(q: Sql, w: WaitRow): Promise<boolean> {
  const r = await q.query(
    `INSERT INTO ${S}.waits (run_id, step_id, event_name, expression, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [w.run_id, w.step_id, w.event_name, w.expression, w.expires_at, w.created_at],
  );
  return r.rowCount > 0;
}

export async function waitsFor(q: Sql, eventName: string): Promise<WaitRow[]> {
  return (await q.query<WaitRow>(`SELECT * FROM ${S}.waits WHERE event_name = $1 ORDER BY created_at`, [eventName])).rows;
}

export async function hasWait(q: Sql, runId: string, stepId: string): Promise<boolean> {
  return (await q.query(`SELECT 1 FROM ${S}.waits WHERE run_id = $1 AND step_id = $2`, [runId, stepId])).rows.length > 0;
}

/** Deletes a wait; true if this call removed it (so exactly one of "event matched" and "timed out" wins). */
export async function takeWait(q: Sql, runId: string, stepId: string): Promise<boolean> {
  return (await q.query(`DELETE FROM ${S}.waits WHERE run_id = $1 AND step_id = $2`, [runId, stepId])).rowCount > 0;
}

export async function listRunWaits(q: Sql, runId: string): Promise<WaitRow[]> {
  return (await q.query<WaitRow>(`SELECT * FROM ${S}.waits WHERE run_id = $1`, [runId])).rows;
}
