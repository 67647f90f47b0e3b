// Event intake: store each event, start the functions it triggers, hand it to runs waiting for
// it (`step.waitForEvent`) and cancel runs whose `cancelOn` it matches — all in one transaction.
import type { Tx } from "./core";
import { resolveTime } from "./duration";
import { evaluateExpression } from "./expression";
import { ulid } from "./ids";
import * as store from "./store";
import { cancelRun, createRun, resolveStep } from "./transitions";
import { isTerminal, type InngestEvent } from "./types";

/** Fills in what the SDK leaves out: an id, a timestamp, and an object for `data`. */
export function normalizeEvent(raw: Partial<InngestEvent>, now: number): InngestEvent {
  if (!raw || typeof raw !== "object" || typeof raw.name !== "string" || !raw.name) {
    throw new Error("Every event needs a non-empty string `name`");
  }
  const data = raw.data && typeof raw.data === "object" ? raw.data : {};
  return {
    ...raw,
    id: typeof raw.id === "string" && raw.id ? raw.id : ulid(now),
    name: raw.name,
    data,
    ts: typeof raw.ts === "number" ? raw.ts : now,
  } as InngestEvent;
}

/**
 * Accepts events and returns their ids. An event whose id was already received is not processed
 * again (Inngest deduplicates by event id), so retried sends are safe.
 */
export async function ingestEvents(tx: Tx, raws: Array<Partial<InngestEvent>>, source: string): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of raws) {
    const event = normalizeEvent(raw, tx.now);
    ids.push(event.id);
    const fresh = await store.insertEvent(tx.q, event, tx.now, source);
    if (!fresh) continue;
    if (source !== "internal" || !event.name.startsWith("inngest/function.finished")) {
      tx.afterCommit.push(() => tx.core.log.debug(`event ${event.name} received`, { event: event.id }));
    }
    await triggerFunctions(tx, event);
    await resumeWaits(tx, event);
    await cancelMatchingRuns(tx, event);
  }
  return ids;
}

async function triggerFunctions(tx: Tx, event: InngestEvent): Promise<void> {
  for (const { fn, triggers } of tx.core.registry.triggeredBy(event.name)) {
    if (triggers.some((t) => evaluateExpression(t.expression, { event }))) await createRun(tx, fn, event);
  }
}

async function resumeWaits(tx: Tx, event: InngestEvent): Promise<void> {
  for (const wait of await store.waitsFor(tx.q, event.name)) {
    if (wait.created_at > tx.now) continue;
    if (wait.expires_at !== null && wait.expires_at < tx.now) continue; // its timeout job will resolve it
    const run = await store.getRun(tx.q, wait.run_id, true);
    if (!run || isTerminal(run.status)) continue;
    if (!evaluateExpression(wait.expression, { event: run.event, async: event })) continue;
    if (!(await store.takeWait(tx.q, run.id, wait.step_id))) continue;
    await store.deleteJob(tx.q, "wait-timeout", run.id, wait.step_id);
    const step = await store.getStep(tx.q, run.id, wait.step_id);
    await resolveStep(tx, run, wait.step_id, event, {
      name: step?.name ?? "waitForEvent",
      op: "WaitForEvent",
      status: "completed",
      output: event,
      startedAt: step?.started_at ?? undefined,
      detail: { matched_event_id: event.id },
    });
  }
}

async function cancelMatchingRuns(tx: Tx, event: InngestEvent): Promise<void> {
  for (const { fn, cancel } of tx.core.registry.cancelledBy(event.name)) {
    for (const run of await store.activeRunsOf(tx.q, fn.id)) {
      if (run.event_id === event.id) continue;
      if (cancel.timeout) {
        let deadline: number;
        try {
          deadline = resolveTime(cancel.timeout, run.queued_at);
        } catch {
          deadline = Infinity;
        }
        if (tx.now > deadline) continue;
      }
      if (!evaluateExpression(cancel.if, { event: run.event, async: event })) continue;
      const locked = await store.getRun(tx.q, run.id, true);
      if (!locked || isTerminal(locked.status)) continue;
      await cancelRun(tx, locked, `cancelOn ${event.name} ${event.id}`, { byEvent: event });
    }
  }
}
