// Ops that pause a run until something happens: a time (Sleep), an event (WaitForEvent) or
// another run's end (InvokeFunction). An unreadable time fails the step with a clear error
// rather than waking at once or never timing out.
import { parseTime } from "./duration";
import { flowOf } from "./flow/config";
import { ulid } from "./ids";
import { failStep, memoized, opName, setWaitingStatus, type OpHandler } from "./op-context";
import * as store from "./store";
import { createRun } from "./transitions";
import type { InngestEvent } from "./types";

export const sleep: OpHandler = async (c, op) => {
  const { tx, run } = c;
  if (memoized(run, op.id) || (await store.hasJob(tx.q, "sleep", run.id, op.id))) return;
  // The SDK puts the duration (or the sleepUntil date) in `name`.
  const spec = op.name ?? op.opts?.duration;
  // "" is what the SDK sends for `step.sleep(id, 0)`; Inngest reads it as "now", and so do we.
  const time = spec === "" ? { ok: true as const, at: tx.now } : parseTime(spec, tx.now, "sleep duration");
  if (!time.ok) return failStep(c, op, "Sleep", time.error.message);
  const until = time.at;
  await store.insertJob(tx.q, { kind: "sleep", runId: run.id, stepId: op.id, runAt: until });
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId: op.id,
    name: opName(op),
    op: "Sleep",
    status: "sleeping",
    startedAt: tx.now,
    detail: { sleep: spec, until },
  });
  await setWaitingStatus(c, "sleeping");
  tx.afterCommit.push(() =>
    tx.core.log.info(`Sleep until ${new Date(until).toISOString()} (${spec})`, { run: run.id, fn: run.function_id, step: opName(op) }),
  );
};

export const waitForEvent: OpHandler = async (c, op) => {
  const { tx, run } = c;
  if (memoized(run, op.id) || (await store.hasWait(tx.q, run.id, op.id))) return;
  const eventName = String(op.name ?? op.opts?.event ?? "");
  const timeout = op.opts?.timeout;
  let expiresAt: number | null = null;
  if (timeout !== undefined) {
    const time = parseTime(timeout, tx.now, "waitForEvent timeout");
    if (!time.ok) return failStep(c, op, "WaitForEvent", time.error.message);
    expiresAt = time.at;
  }
  const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
  await store.insertWait(tx.q, {
    run_id: run.id,
    step_id: op.id,
    event_name: eventName,
    expression,
    expires_at: expiresAt,
    created_at: tx.now,
  });
  if (expiresAt !== null) await store.insertJob(tx.q, { kind: "wait-timeout", runId: run.id, stepId: op.id, runAt: expiresAt });
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId: op.id,
    name: opName(op),
    op: "WaitForEvent",
    status: "waiting",
    startedAt: tx.now,
    detail: { event: eventName, timeout, if: expression, expires_at: expiresAt },
  });
  await setWaitingStatus(c, "waiting");
  tx.afterCommit.push(() =>
    tx.core.log.info(`WaitForEvent ${eventName}${expression ? ` if ${expression}` : ""} (timeout ${timeout ?? "none"})`, {
      run: run.id,
      fn: run.function_id,
      step: opName(op),
    }),
  );
};

interface InvokePayload {
  data?: Record<string, unknown>;
  v?: string;
}

export const invokeFunction: OpHandler = async (c, op) => {
  const { tx, run } = c;
  if (memoized(run, op.id) || (await store.getChildRun(tx.q, run.id, op.id))) return;
  const fnId = String(op.opts?.function_id ?? "");
  const target = tx.core.registry.get(fnId);
  if (!target) return failStep(c, op, "InvokeFunction", `Invoked function "${fnId}" is not registered`);
  const { unreadable } = flowOf(target.config);
  if (unreadable.length) return failStep(c, op, "InvokeFunction", `Invoked function "${fnId}" has an unreadable config: ${unreadable.join("; ")}`);
  const timeout = op.opts?.timeout;
  let timeoutAt: number | null = null;
  if (timeout !== undefined) {
    const time = parseTime(timeout, tx.now, "invoke timeout");
    if (!time.ok) return failStep(c, op, "InvokeFunction", time.error.message);
    timeoutAt = time.at;
  }
  const payload: InvokePayload = op.opts?.payload ?? {};
  const event: InngestEvent = {
    id: ulid(tx.now),
    name: "inngest/function.invoked",
    data: { ...(payload.data ?? {}), _inngest: { fn_id: fnId, correlation_id: `${run.id}.${op.id}` } },
    ts: tx.now,
    ...(payload.v ? { v: payload.v } : {}),
  };
  await store.insertEvent(tx.q, event, tx.now, "invoke");
  const childId = await createRun(tx, target, event, { runId: run.id, stepId: op.id });
  if (timeoutAt !== null) await store.insertJob(tx.q, { kind: "invoke-timeout", runId: run.id, stepId: op.id, runAt: timeoutAt });
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId: op.id,
    name: opName(op),
    op: "InvokeFunction",
    status: "invoking",
    startedAt: tx.now,
    detail: { function_id: fnId, child_run_id: childId, timeout },
  });
  await setWaitingStatus(c, "waiting");
};
