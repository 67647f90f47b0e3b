// Run state changes, each inside the caller's transaction: creating, completing, failing and
// cancelling runs, and resolving a step (which wakes the run with a new discovery call).
import type { Tx } from "./core";
import { ingestEvents } from "./intake";
import { ulid } from "./ids";
import { maxAttemptsOf } from "./registry";
import * as store from "./store";
import type { InngestEvent, Memo, RegisteredFunction, RunRow, SerializedError, StepStatus } from "./types";
import { formatDuration } from "./duration";

export async function createRun(
  tx: Tx,
  fn: RegisteredFunction,
  event: InngestEvent,
  parent?: { runId: string; stepId: string },
): Promise<string> {
  const id = ulid(tx.now);
  await store.insertRun(tx.q, {
    id,
    function_id: fn.id,
    event_id: event.id,
    event,
    events: [event],
    max_attempts: maxAttemptsOf(fn.config),
    queued_at: tx.now,
    parent_run_id: parent?.runId ?? null,
    parent_step_id: parent?.stepId ?? null,
  });
  await store.requestDiscovery(tx.q, id, tx.now);
  tx.afterCommit.push(() => tx.core.log.info(`queued (trigger ${event.name} ${event.id})`, { run: id, fn: fn.id }));
  return id;
}

/** Asks for the run's next discovery call (see store.requestDiscovery). */
export async function requestDiscovery(tx: Tx, runId: string): Promise<void> {
  if (tx.ownDiscovery?.runId === runId) {
    tx.ownDiscovery.requested = true;
    return;
  }
  await store.requestDiscovery(tx.q, runId, tx.now);
}

export interface StepResolution {
  name: string;
  op: string;
  status: StepStatus;
  output?: unknown;
  error?: SerializedError | null;
  detail?: Record<string, unknown>;
  startedAt?: number;
  attempt?: { attempt: number; started_at: number; error?: SerializedError };
}

/**
 * Stores a step's result for the SDK (memo), records it on the timeline, and asks for the next
 * discovery call. Does nothing if the step was already resolved (a late duplicate).
 */
export async function resolveStep(tx: Tx, run: RunRow, stepId: string, memo: Memo, r: StepResolution): Promise<boolean> {
  if (Object.hasOwn(run.steps, stepId)) return false;
  run.steps[stepId] = memo;
  run.stack.push(stepId);
  await store.memoize(tx.q, run.id, stepId, memo);
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId,
    name: r.name,
    op: r.op,
    status: r.status,
    startedAt: r.startedAt ?? tx.now,
    endedAt: tx.now,
    output: r.output,
    error: r.error ?? null,
    detail: r.detail ?? null,
    attempt: r.attempt ? { ...r.attempt, ended_at: tx.now } : undefined,
  });
  await requestDiscovery(tx, run.id);
  if (run.status !== "running") {
    run.status = "running";
    await store.setRunStatus(tx.q, run.id, "running");
  }
  const took = r.startedAt !== undefined ? ` in ${formatDuration(tx.now - r.startedAt)}` : "";
  const attempts = r.attempt ? ` (attempt ${r.attempt.attempt + 1})` : "";
  tx.afterCommit.push(() =>
    (r.status === "failed" ? tx.core.log.warn : tx.core.log.info)(
      `${r.op} ${r.status}${attempts}${took}${r.error ? `: ${r.error.message}` : ""}`,
      { run: run.id, fn: run.function_id, step: r.name },
    ),
  );
  return true;
}

function finishedEvent(run: RunRow, extra: Record<string, unknown>): Partial<InngestEvent> {
  return {
    name: "inngest/function.finished",
    data: {
      function_id: run.function_id,
      run_id: run.id,
      event: run.event,
      events: run.events,
      ...(run.parent_run_id ? { correlation_id: `${run.parent_run_id}.${run.parent_step_id}` } : {}),
      ...extra,
    },
  };
}

async function resolveParent(tx: Tx, child: RunRow, memo: Memo): Promise<void> {
  if (!child.parent_run_id || !child.parent_step_id) return;
  const parent = await store.getRun(tx.q, child.parent_run_id, true);
  if (!parent || ["completed", "failed", "cancelled"].includes(parent.status)) return;
  const isError = memo !== null && typeof memo === "object" && "error" in memo;
  await store.deleteJob(tx.q, "invoke-timeout", parent.id, child.parent_step_id);
  await resolveStep(tx, parent, child.parent_step_id, memo, {
    name: (await stepName(tx, parent.id, child.parent_step_id)) ?? "invoke",
    op: "InvokeFunction",
    status: isError ? "failed" : "completed",
    output: isError ? undefined : (memo as { data: unknown }).data,
    error: isError ? (memo as { error: SerializedError }).error : null,
    detail: { child_run_id: child.id },
  });
}

async function stepName(tx: Tx, runId: string, stepId: string): Promise<string | undefined> {
  const steps = await store.listSteps(tx.q, runId);
  return steps.find((s) => s.step_id === stepId)?.name;
}

export async function completeRun(tx: Tx, run: RunRow, output: unknown): Promise<void> {
  await store.deleteRunJobs(tx.q, run.id);
  await store.endRun(tx.q, run.id, "completed", tx.now, { output });
  run.status = "completed";
  const took = formatDuration(tx.now - (run.started_at ?? run.queued_at));
  tx.afterCommit.push(() => tx.core.log.info(`completed in ${took}`, { run: run.id, fn: run.function_id }));
  await ingestEvents(tx, [finishedEvent(run, { result: output ?? null })], "internal");
  await resolveParent(tx, run, { data: output ?? null });
}

export async function failRun(tx: Tx, run: RunRow, error: SerializedError): Promise<void> {
  await store.deleteRunJobs(tx.q, run.id);
  await store.cancelOpenSteps(tx.q, run.id, tx.now);
  await store.endRun(tx.q, run.id, "failed", tx.now, { error });
  run.status = "failed";
  tx.afterCommit.push(() => tx.core.log.warn(`failed: ${error.name}: ${error.message}`, { run: run.id, fn: run.function_id }));
  // The failure event carries the run id as its id, as Inngest's does; onFailure handlers trigger on it.
  await ingestEvents(
    tx,
    [
      {
        id: run.id,
        name: "inngest/function.failed",
        data: { function_id: run.function_id, run_id: run.id, error, event: run.event, events: run.events },
      },
      finishedEvent(run, { error }),
    ],
    "internal",
  );
  await resolveParent(tx, run, { error });
}

export async function cancelRun(tx: Tx, run: RunRow, reason: string, byEvent?: InngestEvent): Promise<void> {
  await store.deleteRunJobs(tx.q, run.id);
  await store.cancelOpenSteps(tx.q, run.id, tx.now);
  const error: SerializedError = { name: "Error", message: `Run cancelled: ${reason}` };
  await store.endRun(tx.q, run.id, "cancelled", tx.now, { error });
  run.status = "cancelled";
  tx.afterCommit.push(() => tx.core.log.info(`cancelled (${reason})`, { run: run.id, fn: run.function_id }));
  await ingestEvents(
    tx,
    [
      {
        name: "inngest/function.cancelled",
        data: {
          function_id: run.function_id,
          run_id: run.id,
          event: run.event,
          events: run.events,
          ...(byEvent ? { cancel_event: byEvent } : {}),
        },
      },
      finishedEvent(run, { error }),
    ],
    "internal",
  );
  await resolveParent(tx, run, { error });
}

/** Cancels a run by id if it is still active; false if it had already ended. */
export async function cancelRunById(tx: Tx, runId: string, reason: string): Promise<boolean> {
  const run = await store.getRun(tx.q, runId, true);
  if (!run || ["completed", "failed", "cancelled"].includes(run.status)) return false;
  await cancelRun(tx, run, reason);
  return true;
}
