// What the runner does with each op in a 206 reply (see the op table in the protocol notes).
import { backoffDelay } from "./backoff";
import type { Tx } from "./core";
import { resolveTime } from "./duration";
import { runnerError, toSerializedError } from "./errors";
import { ulid } from "./ids";
import * as store from "./store";
import { completeRun, createRun, requestDiscovery, resolveStep } from "./transitions";
import type { InngestEvent, JobRow, OutgoingOp, RunRow } from "./types";

export interface OpContext {
  tx: Tx;
  run: RunRow;
  /** The job whose call returned these ops. */
  job: JobRow;
  /** When that call started. */
  startedAt: number;
  retryAfterMs: number | null;
  /** Set when an op rescheduled the job itself (a retry), so the executor must not delete it. */
  keepJob?: boolean;
}

function opName(op: OutgoingOp): string {
  return op.displayName ?? op.userland?.id ?? op.name ?? op.id;
}

const memoized = (run: RunRow, id: string) => Object.hasOwn(run.steps, id);

/** Applies every op of one reply. Ops for steps already resolved or already pending are ignored. */
export async function applyOps(c: OpContext, ops: OutgoingOp[]): Promise<void> {
  // More than one op means parallel steps: from now on no call may run a step on its own
  // initiative, or a step in flight could be started a second time by a discovery call.
  if (ops.length > 1 && !c.run.die) {
    c.run.die = true;
    await store.setRunDie(c.tx.q, c.run.id);
  }
  for (const op of ops) {
    if (c.run.status === "completed" || c.run.status === "failed" || c.run.status === "cancelled") return;
    await applyOp(c, op);
  }
}

async function applyOp(c: OpContext, op: OutgoingOp): Promise<void> {
  const { tx, run } = c;
  const attemptOf = () => (c.job.kind === "step" && c.job.step_id === op.id ? c.job.attempt : 0);
  switch (op.op) {
    case "StepRun":
    case "Step": {
      await resolveStep(tx, run, op.id, { data: op.data ?? null }, {
        name: opName(op),
        op: op.opts?.type === "step.sendEvent" ? "SendEvent" : "StepRun",
        status: "completed",
        output: op.data ?? null,
        startedAt: c.startedAt,
        attempt: { attempt: attemptOf(), started_at: c.startedAt },
      });
      return;
    }
    case "StepFailed": {
      const error = toSerializedError(op.error);
      await resolveStep(tx, run, op.id, { error }, {
        name: opName(op),
        op: "StepRun",
        status: "failed",
        error,
        startedAt: c.startedAt,
        attempt: { attempt: attemptOf(), started_at: c.startedAt, error },
      });
      return;
    }
    case "StepError": {
      if (memoized(run, op.id)) return;
      const error = toSerializedError(op.error);
      const attempt = attemptOf();
      const next = attempt + 1;
      if (next >= run.max_attempts) {
        // The SDK should have said StepFailed (we always send max_attempts); fail the step ourselves.
        await resolveStep(tx, run, op.id, { error }, {
          name: opName(op),
          op: "StepRun",
          status: "failed",
          error,
          startedAt: c.startedAt,
          attempt: { attempt, started_at: c.startedAt, error },
        });
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
      return;
    }
    case "StepPlanned": {
      if (memoized(run, op.id)) return;
      if (!(await store.insertJob(tx.q, { kind: "step", runId: run.id, stepId: op.id, runAt: tx.now }))) return;
      await store.upsertStep(tx.q, {
        runId: run.id,
        stepId: op.id,
        name: opName(op),
        op: op.opts?.type === "step.sendEvent" ? "SendEvent" : "StepRun",
        status: "queued",
        detail: op.opts?.type ? { type: op.opts.type } : null,
      });
      return;
    }
    case "Sleep": {
      if (memoized(run, op.id) || (await store.hasJob(tx.q, "sleep", run.id, op.id))) return;
      const spec = String(op.name ?? op.opts?.duration ?? "");
      let until: number;
      try {
        until = resolveTime(spec, tx.now);
      } catch {
        until = tx.now;
      }
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
        tx.core.log.info(`Sleep until ${new Date(until).toISOString()} (${spec})`, {
          run: run.id,
          fn: run.function_id,
          step: opName(op),
        }),
      );
      return;
    }
    case "WaitForEvent": {
      if (memoized(run, op.id) || (await store.hasWait(tx.q, run.id, op.id))) return;
      const eventName = String(op.name ?? op.opts?.event ?? "");
      const timeout = typeof op.opts?.timeout === "string" ? op.opts.timeout : undefined;
      let expiresAt: number | null = null;
      if (timeout) {
        try {
          expiresAt = resolveTime(timeout, tx.now);
        } catch {
          expiresAt = null;
        }
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
      return;
    }
    case "InvokeFunction": {
      if (memoized(run, op.id) || (await store.getChildRun(tx.q, run.id, op.id))) return;
      const fnId = String(op.opts?.function_id ?? "");
      const target = tx.core.registry.get(fnId);
      if (!target) {
        await resolveStep(tx, run, op.id, { error: runnerError(`Invoked function "${fnId}" is not registered`) }, {
          name: opName(op),
          op: "InvokeFunction",
          status: "failed",
          error: runnerError(`Invoked function "${fnId}" is not registered`),
        });
        return;
      }
      const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
      const event = {
        id: ulid(tx.now),
        name: "inngest/function.invoked",
        data: { ...(payload.data ?? {}), _inngest: { fn_id: fnId, correlation_id: `${run.id}.${op.id}` } },
        ts: tx.now,
        ...(payload.v ? { v: payload.v } : {}),
      } as InngestEvent;
      await store.insertEvent(tx.q, event, tx.now, "invoke");
      const childId = await createRun(tx, target, event, { runId: run.id, stepId: op.id });
      const timeout = typeof op.opts?.timeout === "string" ? op.opts.timeout : undefined;
      if (timeout) {
        try {
          const at = resolveTime(timeout, tx.now);
          await store.insertJob(tx.q, { kind: "invoke-timeout", runId: run.id, stepId: op.id, runAt: at });
        } catch {
          /* an unparsable timeout means no timeout */
        }
      }
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
      return;
    }
    case "Gateway":
    case "AIGateway":
    case "AiGateway": {
      // step.fetch / step.ai.infer: the server makes the HTTP request; done by a "gateway" job.
      if (memoized(run, op.id)) return;
      if (!(await store.insertJob(tx.q, { kind: "gateway", runId: run.id, stepId: op.id, runAt: tx.now, data: { op } }))) return;
      await store.upsertStep(tx.q, {
        runId: run.id,
        stepId: op.id,
        name: opName(op),
        op: op.op,
        status: "running",
        startedAt: tx.now,
        detail: { url: op.opts?.url },
      });
      return;
    }
    case "WaitForSignal": {
      const error = runnerError("step.waitForSignal is not supported by the local Inngest runner");
      await resolveStep(tx, run, op.id, { error }, { name: opName(op), op: op.op, status: "failed", error });
      return;
    }
    case "RunComplete": {
      await completeRun(tx, run, op.data ?? null);
      return;
    }
    case "DiscoveryRequest": {
      await requestDiscovery(tx, run.id);
      return;
    }
    case "DeferAdd":
    case "DeferAbort":
      return;
    default:
      tx.afterCommit.push(() => tx.core.log.warn(`ignoring unknown op ${op.op}`, { run: run.id, fn: run.function_id }));
  }
}

/** A run shows "sleeping"/"waiting" while it has nothing to execute right now. */
async function setWaitingStatus(c: OpContext, status: "sleeping" | "waiting"): Promise<void> {
  if (c.run.status === status) return;
  c.run.status = status;
  await store.setRunStatus(c.tx.q, c.run.id, status);
}
