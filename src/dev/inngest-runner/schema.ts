// Tables of the runner, in their own schema so they can share a database with the app.
// Times are epoch milliseconds (double precision): both drivers return them as JS numbers.
// Ids are ULIDs (text), so ordering by id is ordering by creation time.
export const SCHEMA_SQL = `
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
