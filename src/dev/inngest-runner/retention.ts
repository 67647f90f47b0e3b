// Retention: runs that ended longer ago than the retention age are deleted with their steps,
// jobs, waits and slots, and so are old events no remaining run points to, and expired limiter
// state. A background sweep does it in small batches (each its own short transaction, on indexed
// columns), so a large backlog never holds the store for long.
import type { Db } from "./db";
import type { Logger } from "./log";
import { formatDuration } from "./duration";

const S = "inngest_runner";
export const DEFAULT_RETENTION_MS = 7 * 86_400_000;

export interface PruneResult {
  runs: number;
  events: number;
}

async function pruneRunBatch(db: Db, cutoff: number, batch: number): Promise<number> {
  return db.tx(async (q) => {
    const r = await q.query(
      `WITH old AS (SELECT id FROM ${S}.runs WHERE ended_at < $1 ORDER BY ended_at LIMIT $2),
            s AS (DELETE FROM ${S}.steps WHERE run_id IN (SELECT id FROM old)),
            j AS (DELETE FROM ${S}.jobs WHERE run_id IN (SELECT id FROM old)),
            w AS (DELETE FROM ${S}.waits WHERE run_id IN (SELECT id FROM old)),
            c AS (DELETE FROM ${S}.slots WHERE run_id IN (SELECT id FROM old))
       DELETE FROM ${S}.runs WHERE id IN (SELECT id FROM old)`,
      [cutoff, batch],
    );
    return r.rowCount;
  });
}

async function pruneEventBatch(db: Db, cutoff: number, batch: number): Promise<number> {
  const r = await db.query(
    `DELETE FROM ${S}.events WHERE id IN (
       SELECT e.id FROM ${S}.events e
       WHERE e.received_at < $1 AND NOT EXISTS (SELECT 1 FROM ${S}.runs r WHERE r.event_id = e.id)
       ORDER BY e.received_at LIMIT $2)`,
    [cutoff, batch],
  );
  return r.rowCount;
}

/** Deletes everything older than `retentionMs` (in batches of `batch`); returns what went. */
export async function pruneOnce(db: Db, now: number, retentionMs: number, batch = 500): Promise<PruneResult> {
  const cutoff = now - retentionMs;
  const out: PruneResult = { runs: 0, events: 0 };
  for (let n = batch; n === batch; out.runs += n) n = await pruneRunBatch(db, cutoff, batch);
  for (let n = batch; n === batch; out.events += n) n = await pruneEventBatch(db, cutoff, batch);
  // A limiter whose theoretical arrival time has passed is the same as no limiter at all.
  await db.query(`DELETE FROM ${S}.limiters WHERE tat < $1`, [now]);
  return out;
}

/** Runs `pruneOnce` now and then every `intervalMs`, until stopped. */
export class Janitor {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private db: Db,
    private log: Logger,
    private now: () => number,
    private retentionMs: number,
    private intervalMs: number,
  ) {}

  start(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweep().finally(() => {
        this.running = null;
        this.schedule(this.intervalMs);
      });
    }, delay);
    this.timer.unref();
  }

  private async sweep(): Promise<void> {
    try {
      const r = await pruneOnce(this.db, this.now(), this.retentionMs);
      if (r.runs || r.events) {
        this.log.info(`retention: pruned ${r.runs} run(s) and ${r.events} event(s) older than ${formatDuration(this.retentionMs)}`);
      }
    } catch (err) {
      if (!this.stopped) this.log.warn(`retention sweep failed: ${(err as Error).message}`);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
