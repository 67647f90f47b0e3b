// What every op handler shares: the reply's context and the small helpers the handlers reuse.
import type { Tx } from "./core";
import { runnerError } from "./errors";
import * as store from "./store";
import { resolveStep } from "./transitions";
import type { JobRow, OutgoingOp, RunRow } from "./types";

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

/** Applies one op of a reply; the op's kind picked the handler. */
export type OpHandler = (c: OpContext, op: OutgoingOp) => Promise<void>;

export function opName(op: OutgoingOp): string {
  return op.displayName ?? op.userland?.id ?? op.name ?? op.id;
}

export const memoized = (run: RunRow, id: string) => Object.hasOwn(run.steps, id);

/** The attempt the op's step is on: the job's own when it ran exactly this step, else the first. */
export function attemptOf(c: OpContext, op: OutgoingOp): number {
  return c.job.kind === "step" && c.job.step_id === op.id ? c.job.attempt : 0;
}

/**
 * Fails one step with a runner-made error (an option the runner cannot honour, an unreadable
 * duration…): memoized as `{error}`, so user code can catch it or the run fails as Inngest's would.
 */
export async function failStep(c: OpContext, op: OutgoingOp, stepOp: string, message: string): Promise<void> {
  const error = runnerError(message);
  await resolveStep(c.tx, c.run, op.id, { error }, { name: opName(op), op: stepOp, status: "failed", error });
  c.tx.afterCommit.push(() => c.tx.core.log.warn(`step failed: ${message}`, { run: c.run.id, fn: c.run.function_id, step: opName(op) }));
}

/** A run shows "sleeping"/"waiting" while it has nothing to execute right now. */
export async function setWaitingStatus(c: OpContext, status: "sleeping" | "waiting"): Promise<void> {
  if (c.run.status === status) return;
  c.run.status = status;
  await store.setRunStatus(c.tx.q, c.run.id, status);
}
