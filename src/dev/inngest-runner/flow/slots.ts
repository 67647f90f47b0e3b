// Concurrency slots. A run holds one slot per concurrency limit while it is executing — from
// the call that starts it (or wakes it) until it sleeps, waits, or ends — so a sleeping or
// waiting run holds none, as in Inngest. A call job that finds a limit full is parked on that
// key; when a slot frees up it is handed straight to the best-placed parked run (priority, then
// age), so a newcomer can never jump the queue.
import type { Tx } from "../core";
import type { Sql } from "../db";
import type { SlotLimit } from "./keys";
import * as fq from "./queries";

/**
 * Parked jobs are looked at again after this long even if no slot was handed to them — a safety
 * net only: hand-over on release is what normally wakes them.
 */
export const PARK_RECHECK_MS = 10_000;

/** The first limit with no free slot (the caller holds `lockKeys` on their keys), or null. */
export async function firstFullLimit(q: Sql, limits: SlotLimit[]): Promise<SlotLimit | null> {
  for (const l of limits) if ((await fq.countSlots(q, l.key)) >= l.limit) return l;
  return null;
}

/** Frees every slot the run holds and hands them to parked runs. */
export async function releaseRun(tx: Tx, runId: string): Promise<void> {
  const keys = await fq.dropSlots(tx.q, runId);
  if (keys.length) await admitWaiters(tx, keys);
}

/** After a reply: a run with nothing left to execute (it sleeps, waits or invokes) frees its slots. */
export async function releaseIfIdle(tx: Tx, runId: string): Promise<void> {
  if (!(await fq.hasCallJobs(tx.q, runId))) await releaseRun(tx, runId);
}

const CANDIDATES = 50;

/** Hands free slots of `keys` to parked jobs, best-placed first. */
async function admitWaiters(tx: Tx, keys: string[]): Promise<void> {
  const locked = new Set(keys);
  await fq.lockKeys(tx.q, keys);
  const full = new Set<string>();
  for (const job of await fq.parkedJobs(tx.q, keys, CANDIDATES)) {
    if (full.has(job.blocked_on)) continue;
    const limits = job.flow?.concurrency ?? [];
    const extra = limits.map((l) => l.key).filter((k) => !locked.has(k));
    if (extra.length) {
      await fq.lockKeys(tx.q, extra);
      for (const k of extra) locked.add(k);
    }
    const blocking = await firstFullLimit(tx.q, limits);
    if (!blocking) {
      await fq.takeSlots(tx.q, job.run_id, limits.map((l) => l.key));
      await fq.unparkJob(tx.q, job.id, tx.now);
    } else if (blocking.key !== job.blocked_on) {
      // Its other limit is the one that is full now: wait on that one instead.
      await fq.parkJob(tx.q, job.id, blocking.key, tx.now + PARK_RECHECK_MS);
    }
    if (blocking && keys.includes(blocking.key)) full.add(blocking.key);
    if (keys.every((k) => full.has(k))) break;
  }
}
