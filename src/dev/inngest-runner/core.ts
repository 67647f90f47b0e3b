// The runner's shared context, and the transaction helper every state change goes through.
import type { BackoffOptions } from "./backoff";
import type { Db, Sql } from "./db";
import type { Logger } from "./log";
import type { Registry } from "./registry";
import type { InngestEvent } from "./types";

/**
 * Accepts events inside a transaction (intake.ts's `ingestEvents`). Injected so that run
 * transitions can emit `inngest/function.*` events without importing the intake module.
 */
export type EmitEvents = (tx: Tx, events: Array<Partial<InngestEvent>>, source: string) => Promise<string[]>;
import type { SigningOptions } from "./signing";

export interface Core {
  db: Db;
  log: Logger;
  registry: Registry;
  backoff: BackoffOptions;
  /** Signed mode (as self-hosted Inngest); null for the dev server's unsigned protocol. */
  signing: SigningOptions | null;
  /** Longest time one call to the app may take before it counts as a failed attempt. */
  callTimeoutMs: number;
  now(): number;
  /** Tells the scheduler that jobs may be due (called after every commit). */
  wake(): void;
  emit: EmitEvents;
}

/** An open transaction plus the things to do once it commits (log lines, wake-ups). */
export interface Tx {
  q: Sql;
  core: Core;
  now: number;
  afterCommit: Array<() => void>;
  /**
   * Set while a discovery job applies its own reply: a new discovery of that same run is then
   * just "run this job again", which saves the queue two statements per step.
   */
  ownDiscovery?: { runId: string; jobId: string; requested: boolean };
}

export async function withTx<T>(core: Core, fn: (tx: Tx) => Promise<T>): Promise<T> {
  let after: Array<() => void> = [];
  const result = await core.db.tx(async (q) => {
    after = []; // a retried transaction starts its side effects afresh
    return fn({ q, core, now: core.now(), afterCommit: after });
  });
  for (const f of after) f();
  core.wake();
  return result;
}
