// Tables of the runner, in their own schema so they can share a database with the app, as
// ordered migrations (migrations.ts applies the ones a database has not seen yet).
// Times are epoch milliseconds (double precision): both drivers return them as JS numbers.
// Ids are ULIDs (text), so ordering by id is ordering by creation time.

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Version 1: the tables as the runner created them before migrations were versioned. Every
 * statement is IF NOT EXISTS, so a data folder made by that runner is adopted as version 1.
 */
const INITIAL_SQL = `
CREATE SCHEMA IF NOT EXISTS inngest_runner;

CREATE TABLE IF NOT EXISTS inngest_runner.apps (
  url text PRIMARY KEY,
  app_name text NOT NULL,
  framework text,
  sdk text,
  functions_hash text,
  function_count integer NOT NULL DEFAULT 0,
  synced_at double precision,
  error text,
  error_at double precision
);

CREATE TABLE IF NOT EXISTS inngest_runner.functions (
  id text PRIMARY KEY,
  app_url text NOT NULL,
  name text NOT NULL,
  config jsonb NOT NULL,
  updated_at double precision NOT NULL
);

CREATE TABLE IF NOT EXISTS inngest_runner.events (
  id text PRIMARY KEY,
  name text NOT NULL,
  payload jsonb NOT NULL,
  received_at double precision NOT NULL,
  source text
);
CREATE INDEX IF NOT EXISTS events_received ON inngest_runner.events (received_at DESC);

CREATE TABLE IF NOT EXISTS inngest_runner.runs (
  id text PRIMARY KEY,
  function_id text NOT NULL,
  event_id text,
  event jsonb NOT NULL,
  events jsonb NOT NULL,
  status text NOT NULL,
  steps jsonb NOT NULL DEFAULT '{}'::jsonb,
  stack jsonb NOT NULL DEFAULT '[]'::jsonb,
  die boolean NOT NULL DEFAULT false,
  max_attempts integer NOT NULL,
  output jsonb,
  error jsonb,
  parent_run_id text,
  parent_step_id text,
  queued_at double precision NOT NULL,
  started_at double precision,
  ended_at double precision
);
CREATE INDEX IF NOT EXISTS runs_queued ON inngest_runner.runs (queued_at DESC);
CREATE INDEX IF NOT EXISTS runs_fn_status ON inngest_runner.runs (function_id, status);
CREATE INDEX IF NOT EXISTS runs_event ON inngest_runner.runs (event_id);
CREATE UNIQUE INDEX IF NOT EXISTS runs_parent ON inngest_runner.runs (parent_run_id, parent_step_id)
  WHERE parent_run_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS inngest_runner.steps (
  run_id text NOT NULL,
  step_id text NOT NULL,
  seq integer NOT NULL,
  name text NOT NULL,
  op text NOT NULL,
  status text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  started_at double precision,
  ended_at double precision,
  output jsonb,
  error jsonb,
  detail jsonb,
  history jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (run_id, step_id)
);

-- Durable work queue: one row per pending call, sleep, timeout or cron tick.
CREATE TABLE IF NOT EXISTS inngest_runner.jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  run_id text NOT NULL,
  step_id text NOT NULL DEFAULT '',
  attempt integer NOT NULL DEFAULT 0,
  run_at double precision NOT NULL,
  locked_at double precision,
  dirty boolean NOT NULL DEFAULT false,
  data jsonb
);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_key ON inngest_runner.jobs (kind, run_id, step_id);
CREATE INDEX IF NOT EXISTS jobs_due ON inngest_runner.jobs (run_at) WHERE locked_at IS NULL;
CREATE INDEX IF NOT EXISTS jobs_run ON inngest_runner.jobs (run_id);

CREATE TABLE IF NOT EXISTS inngest_runner.waits (
  run_id text NOT NULL,
  step_id text NOT NULL,
  event_name text NOT NULL,
  expression text,
  expires_at double precision,
  created_at double precision NOT NULL,
  PRIMARY KEY (run_id, step_id)
);
CREATE INDEX IF NOT EXISTS waits_event ON inngest_runner.waits (event_name);
`;

/** Version 2: flow control (reasons, priority rank, concurrency slots, rate limiter state) and retention. */
const FLOW_CONTROL_SQL = `
ALTER TABLE inngest_runner.runs ADD COLUMN IF NOT EXISTS reason text;
ALTER TABLE inngest_runner.runs ADD COLUMN IF NOT EXISTS rank double precision;
ALTER TABLE inngest_runner.runs ADD COLUMN IF NOT EXISTS flow jsonb;
ALTER TABLE inngest_runner.runs ADD COLUMN IF NOT EXISTS singleton_key text;
ALTER TABLE inngest_runner.runs ADD COLUMN IF NOT EXISTS debounce_key text;
UPDATE inngest_runner.runs SET rank = queued_at WHERE rank IS NULL;
CREATE INDEX IF NOT EXISTS runs_ended ON inngest_runner.runs (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS runs_singleton ON inngest_runner.runs (function_id, singleton_key)
  WHERE singleton_key IS NOT NULL AND ended_at IS NULL;
CREATE INDEX IF NOT EXISTS runs_debounce ON inngest_runner.runs (debounce_key)
  WHERE debounce_key IS NOT NULL AND started_at IS NULL AND ended_at IS NULL;

-- A call job parked until a concurrency slot of this key frees up.
ALTER TABLE inngest_runner.jobs ADD COLUMN IF NOT EXISTS blocked_on text;
CREATE INDEX IF NOT EXISTS jobs_blocked ON inngest_runner.jobs (blocked_on) WHERE blocked_on IS NOT NULL;

-- Concurrency slots held by runs that are executing (one row per limit key).
CREATE TABLE IF NOT EXISTS inngest_runner.slots (
  key text NOT NULL,
  run_id text NOT NULL,
  PRIMARY KEY (key, run_id)
);
CREATE INDEX IF NOT EXISTS slots_run ON inngest_runner.slots (run_id);

-- GCRA state of throttle, rateLimit and idempotency keys: the theoretical arrival time.
CREATE TABLE IF NOT EXISTS inngest_runner.limiters (
  key text PRIMARY KEY,
  tat double precision NOT NULL
);
CREATE INDEX IF NOT EXISTS limiters_tat ON inngest_runner.limiters (tat);
`;

export const MIGRATIONS: Migration[] = [
  { version: 1, name: "initial tables", sql: INITIAL_SQL },
  { version: 2, name: "flow control and retention", sql: FLOW_CONTROL_SQL },
];
