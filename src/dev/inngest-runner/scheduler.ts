// Takes due jobs from the durable queue and runs them, at most `concurrency` at a time.
// It sleeps until the next job is due, and wakes early whenever a transaction commits.
import type { Core } from "./core";
import { processJob } from "./executor";
import * as store from "./store";
import type { JobRow } from "./types";

const MAX_TIMER = 2 ** 31 - 1;

export class Scheduler {
  private inflight = new Set<Promise<void>>();
  private pumping = false;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(
    private core: Core,
    private concurrency: number,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    const freed = await store.unlockAllJobs(this.core.db);
    if (freed) this.core.log.info(`resuming ${freed} job(s) that were in flight when the runner stopped`);
    this.wake();
  }

  /** Stops taking new jobs and waits for the ones in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  get busy(): number {
    return this.inflight.size;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pump(): Promise<void> {
    try {
      while (!this.stopped) {
        const free = this.concurrency - this.inflight.size;
        if (free <= 0) return; // a finishing job wakes us
        const jobs = await store.claimDueJobs(this.core.db, this.core.now(), free);
        for (const job of jobs) this.launch(job);
        if (jobs.length < free) break;
      }
      if (this.stopped) return;
      const next = await store.nextJobTime(this.core.db);
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      if (next !== null) {
        const delay = Math.min(MAX_TIMER, Math.max(0, next - this.core.now()));
        this.timer = setTimeout(() => this.wake(), delay + 2);
      }
    } catch (err) {
      if (this.stopped) return;
      this.core.log.error(`scheduler: ${(err as Error).message}`);
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.wake(), 1000);
    }
  }

  private launch(job: JobRow): void {
    const p = processJob(this.core, job)
      .catch(async (err) => {
        this.core.log.error(`job ${job.kind} failed: ${(err as Error).stack ?? err}`, { run: job.run_id || undefined });
        // Put it back after a pause rather than losing it.
        await store.retryJob(this.core.db, job.id, job.attempt, this.core.now() + 2000).catch(() => {});
      })
      .finally(() => {
        this.inflight.delete(p);
        this.wake();
      });
    this.inflight.add(p);
  }
}
