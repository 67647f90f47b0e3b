// The flow-control rules applied when an event (or a cron tick) would start a run:
// idempotency and rateLimit skip it, debounce folds it into the pending run for its key,
// singleton skips it or cancels the run in progress. What survives becomes a queued run.
import type { Tx } from "../core";
import type { InngestEvent, RegisteredFunction } from "../types";
import type { FlowConfig } from "./config";
import { evaluateRunFlow, keyText, priorityOf, type RunFlow } from "./keys";
import * as fq from "./queries";

const IDEMPOTENCY_PERIOD_MS = 24 * 3_600_000;

export interface RunPlan {
  flow: RunFlow;
  /** queued_at minus the priority factor: the order in which waiting runs get a slot. */
  rank: number;
  singletonKey: string | null;
  debounce?: { key: string; dueAt: number; reason: string };
  /** Runs to cancel first (singleton mode "cancel"). */
  cancel: string[];
}

export type Gate = { kind: "run"; plan: RunPlan } | { kind: "skip"; reason: string } | { kind: "merged"; runId: string };

const label = (expression: string | undefined, value: string) => (expression ? ` (key ${value || '""'})` : "");

/** What flow control makes of a new run of `fn` for `event`. Invoked runs only get `plan`. */
export async function gateNewRun(tx: Tx, fn: RegisteredFunction, flow: FlowConfig, event: InngestEvent, invoked: boolean): Promise<Gate> {
  const plan: RunPlan = {
    flow: evaluateRunFlow(fn.id, flow, event),
    rank: tx.now - priorityOf(flow.priority, event) * 1000,
    singletonKey: null,
    cancel: [],
  };
  // Invoked runs answer a parent step one to one: nothing may skip or merge them.
  if (invoked) return { kind: "run", plan };

  if (flow.idempotency) {
    const value = keyText(flow.idempotency, event);
    const key = `i:${fn.id}:${value}`;
    await fq.lockKeys(tx.q, [key]);
    const r = await fq.takeToken(tx.q, key, tx.now, { limit: 1, periodMs: IDEMPOTENCY_PERIOD_MS, burst: 0 });
    if (!r.allowed) return { kind: "skip", reason: `skipped by idempotency (key ${value || '""'}): a run with this key started in the last 24h` };
  }

  if (flow.rateLimit) {
    const rl = flow.rateLimit;
    const value = keyText(rl.key, event);
    const key = `r:${fn.id}:${value}`;
    await fq.lockKeys(tx.q, [key]);
    const r = await fq.takeToken(tx.q, key, tx.now, { limit: rl.limit, periodMs: rl.periodMs, burst: 0 });
    if (!r.allowed) return { kind: "skip", reason: `skipped by rateLimit${label(rl.key, value)}: ${rl.limit} per ${rl.period}` };
  }

  if (flow.debounce) {
    const d = flow.debounce;
    const value = keyText(d.key, event);
    const key = `${fn.id}:${value}`;
    const reason = `debounced${label(d.key, value)}: starts with the latest event after ${d.period} without events${d.timeout ? ` (at most ${d.timeout} after the first)` : ""}`;
    await fq.lockKeys(tx.q, [`d:${key}`]);
    const pending = await fq.pendingDebounce(tx.q, key);
    if (pending) {
      const dueAt = Math.min(tx.now + d.periodMs, d.timeoutMs ? pending.queued_at + d.timeoutMs : Infinity);
      if (await fq.moveDebouncedStart(tx.q, pending.id, dueAt, flow.timeouts?.startMs)) {
        await fq.replaceRunEvent(tx.q, {
          id: pending.id,
          event,
          flow: plan.flow,
          rank: pending.queued_at - priorityOf(flow.priority, event) * 1000,
          reason,
        });
        return { kind: "merged", runId: pending.id };
      }
    }
    const dueAt = tx.now + Math.min(d.periodMs, d.timeoutMs ?? Infinity);
    plan.debounce = { key, dueAt, reason };
  }

  if (flow.singleton) {
    const s = flow.singleton;
    const value = keyText(s.key, event);
    await fq.lockKeys(tx.q, [`s:${fn.id}:${value}`]);
    const active = await fq.activeSingletonRuns(tx.q, fn.id, value);
    if (active.length && s.mode === "skip") {
      return { kind: "skip", reason: `skipped by singleton${label(s.key, value)}: run ${active[0]} is in progress` };
    }
    plan.cancel = active;
    plan.singletonKey = value;
  }
  return { kind: "run", plan };
}
