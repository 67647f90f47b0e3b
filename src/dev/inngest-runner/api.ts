// JSON API used by the dashboard pages, the tests and scripts: runs, steps, events, functions.
import { withTx, type Core } from "./core";
import { flowOf } from "./flow/config";
import { flowSummary } from "./flow/summary";
import { ingestEvents } from "./intake";
import * as store from "./store";
import { cancelRunById } from "./transitions";
import type { InngestEvent, RunStatus } from "./types";

export const RUN_STATUSES: RunStatus[] = ["queued", "running", "sleeping", "waiting", "completed", "failed", "cancelled", "skipped"];

export interface RunQuery {
  status?: string;
  function?: string;
  event?: string;
  limit?: number;
  before?: string;
}

export async function listRuns(core: Core, q: RunQuery) {
  const status = q.status
    ? q.status.split(",").filter((s) => (RUN_STATUSES as string[]).includes(s))
    : undefined;
  const runs = await store.listRuns(core.db, {
    status,
    functionId: q.function || undefined,
    eventId: q.event || undefined,
    limit: Math.min(Math.max(q.limit ?? 50, 1), 500),
    before: q.before,
  });
  return runs.map((r) => ({
    id: r.id,
    function_id: r.function_id,
    function_name: core.registry.get(r.function_id)?.name ?? r.function_id,
    status: r.status,
    reason: r.reason,
    event_id: r.event_id,
    event_name: r.event_name,
    queued_at: r.queued_at,
    started_at: r.started_at,
    ended_at: r.ended_at,
    duration_ms: r.ended_at !== null ? r.ended_at - (r.started_at ?? r.queued_at) : null,
    output: r.output,
    error: r.error,
    parent_run_id: r.parent_run_id,
  }));
}

export async function getRunDetail(core: Core, id: string) {
  const run = await store.getRun(core.db, id);
  if (!run) return null;
  const [steps, jobs, waits, children] = await Promise.all([
    store.listSteps(core.db, id),
    store.listRunJobs(core.db, id),
    store.listRunWaits(core.db, id),
    core.db.query<{ id: string; parent_step_id: string; function_id: string; status: string }>(
      `SELECT id, parent_step_id, function_id, status FROM inngest_runner.runs WHERE parent_run_id = $1`,
      [id],
    ),
  ]);
  return {
    id: run.id,
    function_id: run.function_id,
    function_name: core.registry.get(run.function_id)?.name ?? run.function_id,
    status: run.status,
    reason: run.reason,
    event: run.event,
    event_id: run.event_id,
    queued_at: run.queued_at,
    started_at: run.started_at,
    ended_at: run.ended_at,
    duration_ms: run.ended_at !== null ? run.ended_at - (run.started_at ?? run.queued_at) : null,
    output: run.output,
    error: run.error,
    max_attempts: run.max_attempts,
    parent_run_id: run.parent_run_id,
    children: children.rows,
    steps: steps.map((s) => ({
      id: s.step_id,
      seq: s.seq,
      name: s.name,
      op: s.op,
      status: s.status,
      attempts: s.attempts,
      started_at: s.started_at,
      ended_at: s.ended_at,
      duration_ms: s.started_at !== null && s.ended_at !== null ? s.ended_at - s.started_at : null,
      output: s.output,
      error: s.error,
      detail: s.detail,
      history: s.history,
    })),
    pending: {
      jobs: jobs.map((j) => ({
        kind: j.kind,
        step_id: j.step_id,
        attempt: j.attempt,
        run_at: j.run_at,
        in_flight: j.locked_at !== null,
        blocked_on: j.blocked_on,
      })),
      waits,
    },
  };
}

export async function cancelRun(core: Core, id: string): Promise<boolean> {
  return withTx(core, (tx) => cancelRunById(tx, id, "cancelled from the dashboard"));
}

export async function sendEvents(core: Core, events: Array<Partial<InngestEvent>>, source: string): Promise<string[]> {
  return withTx(core, (tx) => ingestEvents(tx, events, source));
}

/** Sends a copy of a stored event (new id, same name and data) and returns the new id. */
export async function replayEvent(core: Core, id: string): Promise<string | null> {
  const ev = await store.getEvent(core.db, id);
  if (!ev) return null;
  const { id: _old, ts: _ts, ...rest } = ev.payload;
  const [newId] = await sendEvents(core, [rest as Partial<InngestEvent>], "replay");
  return newId ?? null;
}

export async function listEvents(core: Core, q: { limit?: number; name?: string; before?: number; hideFinished?: boolean }) {
  const events = await store.listEvents(core.db, {
    limit: Math.min(Math.max(q.limit ?? 50, 1), 500),
    name: q.name || undefined,
    before: q.before,
    hideFinished: q.hideFinished,
  });
  const ids = events.map((e) => e.id);
  const runs = ids.length
    ? (
        await core.db.query<{ id: string; event_id: string; function_id: string; status: string }>(
          `SELECT id, event_id, function_id, status FROM inngest_runner.runs WHERE event_id = ANY($1::text[]) ORDER BY id`,
          [ids],
        )
      ).rows
    : [];
  return events.map((e) => ({
    id: e.id,
    name: e.name,
    received_at: e.received_at,
    source: e.source,
    payload: e.payload,
    runs: runs.filter((r) => r.event_id === e.id).map((r) => ({ id: r.id, function_id: r.function_id, status: r.status })),
  }));
}

export async function listFunctionsAndApps(core: Core) {
  const [apps, crons] = await Promise.all([store.listApps(core.db), store.listCronJobs(core.db)]);
  return {
    apps,
    functions: core.registry.list().map((f) => ({
      id: f.id,
      name: f.name,
      app_url: f.appUrl,
      triggers: f.config.triggers ?? [],
      retries: f.config.steps?.step?.retries?.attempts ?? null,
      cancel: f.config.cancel ?? [],
      concurrency: f.config.concurrency ?? null,
      flow: flowSummary(flowOf(f.config).flow),
      unsupported: flowOf(f.config).problems,
      next_cron: crons.filter((c) => String(c.data?.function_id) === f.id).map((c) => c.run_at),
    })),
  };
}
