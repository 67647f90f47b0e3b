// Ops about one step's code: it ran (StepRun), failed for good (StepFailed), failed and may be
// retried (StepError), or is planned to run on its own (StepPlanned, parallel steps).
import { backoffDelay } from "./backoff";
import { toSerializedError } from "./errors";
import { attemptOf, memoized, opName, type OpHandler } from "./op-context";
import * as store from "./store";
import { resolveStep } from "./transitions";
import type { OutgoingOp } from "./types";

const stepOpOf = (op: OutgoingOp) => (op.opts?.type === "step.sendEvent" ? "SendEvent" : "StepRun");

export const stepRun: OpHandler = async (c, op) => {
  await resolveStep(c.tx, c.run, op.id, { data: op.data ?? null }, {
    name: opName(op),
    op: stepOpOf(op),
    status: "completed",
    output: op.data ?? null,
    startedAt: c.startedAt,
    attempt: { attempt: attemptOf(c, op), started_at: c.startedAt },
  });
};

export const stepFailed: OpHandler = async (c, op) => {
  const error = toSerializedError(op.error);
  await resolveStep(c.tx, c.run, op.id, { error }, {
    name: opName(op),
    op: "StepRun",
    status: "failed",
    error,
    startedAt: c.startedAt,
    attempt: { attempt: attemptOf(c, op), started_at: c.startedAt, error },
  });
};

export const stepError: OpHandler = async (c, op) => {
  const { tx, run } = c;
  if (memoized(run, op.id)) return;
  const error = toSerializedError(op.error);
  const attempt = attemptOf(c, op);
  const next = attempt + 1;
  if (next >= run.max_attempts) {
    // The SDK should have said StepFailed (we always send max_attempts); fail the step ourselves.
    await stepFailed(c, op);
    return;
  }
  const delay = c.retryAfterMs ?? backoffDelay(attempt, tx.core.backoff);
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId: op.id,
    name: opName(op),
    op: "StepRun",
    status: "retrying",
    startedAt: c.startedAt,
    endedAt: null,
    error,
    detail: { retry_at: tx.now + delay },
    attempt: { attempt, started_at: c.startedAt, ended_at: tx.now, error },
  });
  if (c.job.kind === "step" && c.job.step_id === op.id) {
    await store.retryJob(tx.q, c.job.id, next, tx.now + delay);
    c.keepJob = true;
  } else {
    await store.deleteJob(tx.q, "step", run.id, op.id);
    await store.insertJob(tx.q, { kind: "step", runId: run.id, stepId: op.id, attempt: next, runAt: tx.now + delay });
  }
  tx.afterCommit.push(() =>
    tx.core.log.warn(`attempt ${attempt + 1}/${run.max_attempts} failed: ${error.message}; retrying in ${delay}ms`, {
      run: run.id,
      fn: run.function_id,
      step: opName(op),
    }),
  );
};

export const stepPlanned: OpHandler = async (c, op) => {
  const { tx, run } = c;
  if (memoized(run, op.id)) return;
  if (!(await store.insertJob(tx.q, { kind: "step", runId: run.id, stepId: op.id, runAt: tx.now }))) return;
  await store.upsertStep(tx.q, {
    runId: run.id,
    stepId: op.id,
    name: opName(op),
    op: stepOpOf(op),
    status: "queued",
    detail: op.opts?.type ? { type: op.opts.type } : null,
  });
};
