// Composition: database + registry + scheduler + syncer + HTTP server = one runner.
import type { AddressInfo } from "node:net";
import { DEFAULT_BACKOFF, type BackoffOptions } from "./backoff";
import type { Core } from "./core";
import { openDb, type Db } from "./db";
import { ingestEvents } from "./intake";
import { createLogger, type Logger, type LogLevel } from "./log";
import { Registry } from "./registry";
import { DEFAULT_RETENTION_MS, Janitor } from "./retention";
import { Scheduler } from "./scheduler";
import { createServer } from "./server";
import { assertSigningKey, type SigningOptions } from "./signing";
import { AppSyncer } from "./sync";

export interface RunnerOptions {
  /** Port to listen on; 0 picks a free one. Default 8288, the Inngest dev server's. */
  port?: number;
  host?: string;
  /** App serve URLs to sync, e.g. http://localhost:3000/api/inngest. */
  appUrls?: string[];
  /** PostgreSQL URL for storage; otherwise PGlite in `dataDir` (or in memory when neither is set). */
  databaseUrl?: string;
  dataDir?: string;
  /** How often to re-sync apps, ms. */
  syncIntervalMs?: number;
  /** Most calls to the app at once. */
  concurrency?: number;
  backoff?: Partial<BackoffOptions>;
  callTimeoutMs?: number;
  logLevel?: LogLevel | "silent";
  logger?: Logger;
  /** Ended runs (and old events) older than this are pruned in the background; null keeps them. Default 7 days. */
  retentionMs?: number | null;
  /** How often the retention sweep runs. Default: a tenth of the retention age, between 1 s and 1 h. */
  pruneIntervalMs?: number;
  /** Signed mode: sign calls to apps, verify their replies, require keys from them. Default: dev mode. */
  signing?: SigningOptions;
}

export interface Runner {
  url: string;
  port: number;
  core: Core;
  syncer: AppSyncer;
  scheduler: Scheduler;
  close(): Promise<void>;
}

export async function startRunner(opts: RunnerOptions = {}): Promise<Runner> {
  const log = opts.logger ?? createLogger(opts.logLevel ?? "info");
  if (opts.signing) {
    assertSigningKey(opts.signing.signingKey);
    if (opts.signing.eventKeys.length === 0) throw new Error("signed mode needs at least one event key");
  }
  const db: Db = await openDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  const registry = new Registry();
  await registry.load(db);
  let scheduler: Scheduler | null = null;
  const core: Core = {
    db,
    log,
    registry,
    backoff: { ...DEFAULT_BACKOFF, ...opts.backoff },
    signing: opts.signing ?? null,
    callTimeoutMs: opts.callTimeoutMs ?? 15 * 60_000,
    now: () => Date.now(),
    wake: () => scheduler?.wake(),
    emit: ingestEvents,
  };
  scheduler = new Scheduler(core, opts.concurrency ?? 32);
  const syncer = new AppSyncer(core, opts.syncIntervalMs ?? 5000);
  const host = opts.host ?? "127.0.0.1";
  const server = createServer(core, syncer, { listenHost: host });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 8288, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const mode = opts.signing ? "signed (signing key and event key required)" : "dev (unsigned)";
  log.info(`listening on ${url} (dashboard ${url}/), storage: ${db.description}, mode: ${mode}`);
  await scheduler.start();
  for (const app of opts.appUrls ?? []) syncer.add(app);
  const retentionMs = opts.retentionMs === undefined ? DEFAULT_RETENTION_MS : opts.retentionMs;
  const janitor = retentionMs === null ? null : new Janitor(db, log, core.now, retentionMs, opts.pruneIntervalMs ?? Math.min(3_600_000, Math.max(1000, retentionMs / 10)));
  janitor?.start();

  let closed = false;
  return {
    url,
    port,
    core,
    syncer,
    scheduler,
    async close() {
      if (closed) return;
      closed = true;
      syncer.stop();
      await janitor?.stop();
      await scheduler!.stop();
      server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
