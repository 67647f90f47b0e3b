// What the runner does with each op in a 206 reply (see the op table in the protocol notes):
// one handler per op kind, looked up in OP_HANDLERS.
import { failStep, memoized, opName, type OpContext, type OpHandler } from "./op-context";
import { stepError, stepFailed, stepPlanned, stepRun } from "./ops-step";
import { invokeFunction, sleep, waitForEvent } from "./ops-wait";
import * as store from "./store";
import { completeRun, requestDiscovery } from "./transitions";
import { isTerminal, type OutgoingOp } from "./types";

export type { OpContext } from "./op-context";

/** step.fetch / step.ai.infer: the server makes the HTTP request; done by a "gateway" job. */
const gateway: OpHandler = async ({ tx, run }, op) => {
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
};

const ignore: OpHandler = async () => {};

const OP_HANDLERS: Record<string, OpHandler> = {
  StepRun: stepRun,
  Step: stepRun, // the legacy name
  StepFailed: stepFailed,
  StepError: stepError,
  StepPlanned: stepPlanned,
  Sleep: sleep,
  WaitForEvent: waitForEvent,
  InvokeFunction: invokeFunction,
  Gateway: gateway,
  AIGateway: gateway,
  AiGateway: gateway, // the spec's spelling
  WaitForSignal: (c, op) => failStep(c, op, op.op, "step.waitForSignal is not supported by the local Inngest runner"),
  // Checkpointing mode only (never entered: the runner does not send ctx.fn_id), handled anyway.
  RunComplete: ({ tx, run }, op) => completeRun(tx, run, op.data ?? null),
  DiscoveryRequest: ({ tx, run }) => requestDiscovery(tx, run.id),
  DeferAdd: ignore,
  DeferAbort: ignore,
};

const unknownOp: OpHandler = async ({ tx, run }, op) => {
  tx.afterCommit.push(() => tx.core.log.warn(`ignoring unknown op ${op.op}`, { run: run.id, fn: run.function_id }));
};

/** Applies every op of one reply. Ops for steps already resolved or already pending are ignored. */
export async function applyOps(c: OpContext, ops: OutgoingOp[]): Promise<void> {
  // More than one op means parallel steps: from now on no call may run a step on its own
  // initiative, or a step in flight could be started a second time by a discovery call.
  if (ops.length > 1 && !c.run.die) {
    c.run.die = true;
    await store.setRunDie(c.tx.q, c.run.id);
  }
  for (const op of ops) {
    if (isTerminal(c.run.status)) return;
    const handler = Object.hasOwn(OP_HANDLERS, op.op) ? OP_HANDLERS[op.op] : undefined;
    await (handler ?? unknownOp)(c, op);
  }
}
