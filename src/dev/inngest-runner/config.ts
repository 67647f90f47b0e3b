// The runner process's settings from its INNGEST_RUNNER_* variables (see README.md for the full
// table), declared and validated with the app's in src/env.ts.
import path from "node:path";
import { env, type EnvOf } from "../../env";
import type { RunnerOptions } from "./runner";

export const DEFAULT_DATA_DIR = ".data/inngest-runner";

type RunnerEnv = EnvOf<
  | "INNGEST_RUNNER_PORT"
  | "INNGEST_RUNNER_HOST"
  | "INNGEST_RUNNER_APP_URL"
  | "INNGEST_RUNNER_DATA_DIR"
  | "INNGEST_RUNNER_DATABASE_URL"
  | "INNGEST_RUNNER_LOG_LEVEL"
  | "INNGEST_RUNNER_SYNC_INTERVAL_MS"
  | "INNGEST_RUNNER_CONCURRENCY"
  | "INNGEST_RUNNER_BACKOFF_MS"
>;

export function optionsFromEnv(e: RunnerEnv = env, cwd = process.cwd()): RunnerOptions {
  const databaseUrl = e.INNGEST_RUNNER_DATABASE_URL;
  const backoffMs = e.INNGEST_RUNNER_BACKOFF_MS;
  return {
    port: e.INNGEST_RUNNER_PORT ?? 8288,
    host: e.INNGEST_RUNNER_HOST ?? "127.0.0.1",
    appUrls: e.INNGEST_RUNNER_APP_URL ?? ["http://localhost:3000/api/inngest"],
    databaseUrl,
    dataDir: databaseUrl ? undefined : path.resolve(cwd, e.INNGEST_RUNNER_DATA_DIR ?? DEFAULT_DATA_DIR),
    syncIntervalMs: e.INNGEST_RUNNER_SYNC_INTERVAL_MS,
    concurrency: e.INNGEST_RUNNER_CONCURRENCY,
    backoff: backoffMs !== undefined ? { baseMs: backoffMs } : undefined,
    logLevel: e.INNGEST_RUNNER_LOG_LEVEL ?? "info",
  };
}
