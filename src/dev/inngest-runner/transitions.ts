// Run state changes, each inside the caller's transaction: creating, completing, failing and
// cancelling runs, and resolving a step (which wakes the run with a new discovery call).
import type { Tx } from "./core";
import { ulid } from "./ids";
import { maxAttemptsOf } from "./registry";
import * as store from "./store";
import { isTerminal, type InngestEvent, type Memo, type RegisteredFunction, type RunRow, type SerializedError, type StepStatus } from "./types";
import { formatDuration } from "./duration";
import { runnerError } from "./errors";
import { flowOf, hasFlowControl } from "./flow/config";
import { gateNewRun } from "./flow/gates";
import { releaseRun } from "./flow/slots";

/**
 * Starts a run of `fn` for `event`, as flow control allows: returns the new run's id, the id of
 * the pending debounced run the event was folded into, or the id of a run stored as skipped.
 */
export async function createRun(
  tx: Tx,
  fn: RegisteredFunction,
  event: InngestEvent,
  parent?: { runId: string; stepId: string },
): Promise<string> {
  const id = ulid(tx.now);
  const { flow, unreadable } = flowOf(fn.config);
  const base = {
    id,
    function_id: fn.id,
    event_id: event.id,
    event,
    events: [event],
    max_attempts: maxAttemptsOf(fn.config),
    queued_at: tx.now,
    parent_run_id: parent?.runId ?? null,
    parent_step_id: parent?.stepId ?? null,
  };
  if (unreadable.length) {
    // The run cannot honour options it cannot read; starting it anyway would ignore them.
    // (step.invoke checks this before creating a child, so a parent never sees this half-made.)
    const why = unreadable.join("; ");
    await store.insertRun(tx.q, { ...base, reason: `failed: ${why}` });
    const run = await store.getRun(tx.q, id, true);
    if (run) await failRun(tx, run, runnerError(`Unreadable function config: ${why}`));
    return id;
  }
  if (!hasFlowControl(flow)) {
    await store.insertRun(tx.q, base);
    await store.requestDiscovery(tx.q, id, tx.now);
    tx.afterCommit.push(() => tx.core.log.info(`queued (trigger ${event.name} ${event.id})`, { run: id, fn: fn.id }));
    return id;
  }
  const gate = await gateNewRun(tx, fn, flow, event, parent !== undefined);
  if (gate.kind === "merged") {
    tx.afterCommit.push(() => tx.core.log.info(`debounced: event ${event.id} replaces the pending event`, { run: gate.runId, fn: fn.id }));
    return gate.runId;
  }
  if (gate.kind === "skip") {
    await store.insertRun(tx.q, { ...base, skipped: true, reason: gate.reason });
    tx.afterCommit.push(() => tx.core.log.info(`${gate.reason} (trigger ${event.name} ${event.id})`, { run: id, fn: fn.id }));
    return id;
  }
  const { plan } = gate;
  for (const other of plan.cancel) {
    const run = await store.getRun(tx.q, other, true);
    if (run && !isTerminal(run.status)) await cancelRun(tx, run, `singleton: replaced by run ${id}`, { record: true });
  }
  await store.insertRun(tx.q, {
    ...base,
    rank: plan.rank,
    flow: plan.flow,
    singleton_key: plan.singletonKey,
    debounce_key: plan.debounce?.key ?? null,
    reason: plan.debounce?.reason ?? null,
  });
  await store.insertJob(tx.q, { kind: "discover", runId: id, runAt: plan.debounce?.dueAt ?? tx.now });
  const startBy = plan.flow.timeouts?.startMs;
  if (startBy) {
    const rule = `timeouts.start ${plan.flow.timeouts?.start}`;
    await store.insertJob(tx.q, { kind: "timeout", runId: id, stepId: "start", runAt: (plan.debounce?.dueAt ?? tx.now) + startBy, data: { rule } });
  }
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
  if (!parent || isTerminal(parent.status)) return;
  const isError = memo !== null && typeof memo === "object" && "error" in memo;
  await store.deleteJob(tx.q, "invoke-timeout", parent.id, child.parent_step_id);
  await resolveStep(tx, parent, child.parent_step_id, memo, {
    name: (await store.getStep(tx.q, parent.id, child.parent_step_id))?.name ?? "invoke",
    op: "InvokeFunction",
    status: isError ? "failed" : "completed",
    output: isError ? undefined : (memo as { data: unknown }).data,
    error: isError ? (memo as { error: SerializedError }).error : null,
    detail: { child_run_id: child.id },
  });
}

export async function completeRun(tx: Tx, run: RunRow, output: unknown): Promise<void> {
  await store.deleteRunJobs(tx.q, run.id);
  await releaseRun(tx, run.id);
  await store.endRun(tx.q, run.id, "completed", tx.now, { output });
  run.status = "completed";
  const took = formatDuration(tx.now - (run.started_at ?? run.queued_at));
  tx.afterCommit.push(() => tx.core.log.info(`completed in ${took}`, { run: run.id, fn: run.function_id }));
  await tx.core.emit(tx, [finishedEvent(run, { result: output ?? null })], "internal");
  await resolveParent(tx, run, { data: output ?? null });
}

export async function failRun(tx: Tx, run: RunRow, error: SerializedError): Promise<void> {
  await store.deleteRunJobs(tx.q, run.id);
  await releaseRun(tx, run.id);
  await store.cancelOpenSteps(tx.q, run.id, tx.now);
  await store.endRun(tx.q, run.id, "failed", tx.now, { error });
  run.status = "failed";
  tx.afterCommit.push(() => tx.core.log.warn(`failed: ${error.name}: ${error.message}`, { run: run.id, fn: run.function_id }));
  // The failure event carries the run id as its id, as Inngest's does; onFailure handlers trigger on it.
  await tx.core.emit(
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

export interface CancelOptions {
  /** The event that matched a cancelOn rule. */
  byEvent?: InngestEvent;
  /** Keep the reason on the run, for the dashboard (flow-control cancellations). */
  record?: boolean;
}

export async function cancelRun(tx: Tx, run: RunRow, reason: string, opts: CancelOptions = {}): Promise<void> {
  const { byEvent } = opts;
  await store.deleteRunJobs(tx.q, run.id);
  await releaseRun(tx, run.id);
  // A flow-control cancellation keeps its reason; any other replaces a "waiting for …" that no longer holds.
  if (opts.record || run.reason) await store.setRunReason(tx.q, run.id, opts.record ? `cancelled: ${reason}` : null);
  await store.cancelOpenSteps(tx.q, run.id, tx.now);
  const error: SerializedError = { name: "Error", message: `Run cancelled: ${reason}` };
  await store.endRun(tx.q, run.id, "cancelled", tx.now, { error });
  run.status = "cancelled";
  tx.afterCommit.push(() => tx.core.log.info(`cancelled (${reason})`, { run: run.id, fn: run.function_id }));
  await tx.core.emit(
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
  if (!run || isTerminal(run.status)) return false;
  await cancelRun(tx, run, reason);
  return true;
}
