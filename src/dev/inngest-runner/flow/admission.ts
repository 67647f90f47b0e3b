// Admission of a call to the app under flow control: concurrency slots (every limit must have
// room), throttle (at a run's start), and the start of `timeouts`. A call that may not go ahead
// is parked (concurrency) or moved to when the throttle allows it, and the run says why.
import { withTx, type Core, type Tx } from "../core";
import * as store from "../store";
import { isTerminal, type JobRow, type RunRow } from "../types";
import { isEmptyFlow, type RunFlow } from "./keys";
import * as fq from "./queries";
import { firstFullLimit, PARK_RECHECK_MS } from "./slots";

/** Whether a call for this run has to go through admission (most runs skip it entirely). */
export function needsAdmission(run: Pick<RunRow, "status" | "flow" | "reason">): boolean {
  if (run.status === "queued") return !isEmptyFlow(run.flow) || run.reason !== null;
  return !!run.flow?.concurrency?.length;
}

export const concurrencyReason = (label: string, limit: number) => `waiting for concurrency key ${label} (limit ${limit})`;

/**
 * Decides, in one transaction, whether the call job may be made now. When it may, the run holds
 * its slots and is marked started. When not, the job is parked or rescheduled and false returned.
 */
export async function admitCall(core: Core, job: JobRow): Promise<boolean> {
  return withTx(core, async (tx) => {
    const run = await store.getRun(tx.q, job.run_id, true);
    if (!run || isTerminal(run.status)) {
      await store.deleteJobById(tx.q, job.id);
      return false;
    }
    const flow: RunFlow = run.flow ?? {};
    const limits = flow.concurrency ?? [];
    const needSlots = limits.length > 0 && !(await fq.holdsSlots(tx.q, run.id));
    if (needSlots) {
      await fq.lockKeys(tx.q, limits.map((l) => l.key));
      const full = await firstFullLimit(tx.q, limits);
      if (full) {
        await fq.parkJob(tx.q, job.id, full.key, tx.now + PARK_RECHECK_MS);
        await holdBack(tx, run, concurrencyReason(full.label, full.limit));
        return false;
      }
    }
    if (run.status === "queued" && flow.throttle) {
      const t = flow.throttle;
      await fq.lockKeys(tx.q, [t.key]);
      const r = await fq.takeToken(tx.q, t.key, tx.now, t);
      if (!r.allowed) {
        await store.rescheduleJob(tx.q, job.id, r.retryAt);
        await holdBack(tx, run, `waiting for throttle key ${t.label} (${t.limit} per ${Math.round(t.periodMs / 1000)}s)`);
        return false;
      }
    }
    if (needSlots) await fq.takeSlots(tx.q, run.id, limits.map((l) => l.key));
    if (run.reason !== null) await store.setRunReason(tx.q, run.id, null);
    if (run.status === "queued") await start(tx, run, job);
    return true;
  });
}

async function holdBack(tx: Tx, run: RunRow, reason: string): Promise<void> {
  if (run.reason === reason) return;
  await store.setRunReason(tx.q, run.id, reason);
  tx.afterCommit.push(() => tx.core.log.info(reason, { run: run.id, fn: run.function_id }));
}

async function start(tx: Tx, run: RunRow, job: JobRow): Promise<void> {
  if (!(await store.markRunStarted(tx.q, run.id, tx.now))) return;
  await store.deleteJob(tx.q, "timeout", run.id, "start");
  const t = run.flow?.timeouts;
  if (t?.finishMs) {
    await store.insertJob(tx.q, { kind: "timeout", runId: run.id, stepId: "finish", runAt: tx.now + t.finishMs, data: { rule: `timeouts.finish ${t.finish}` } });
  }
  tx.afterCommit.push(() => tx.core.log.info(`started (attempt ${job.attempt + 1})`, { run: run.id, fn: run.function_id }));
}
