// The runner process's settings from its INNGEST_RUNNER_* variables (see README.md for the full
// table), declared and validated with the app's in src/env.ts.
import path from "node:path";
import { env, type EnvOf } from "../../env";
import { parseDuration } from "./duration";
import type { RunnerOptions } from "./runner";
import { assertSigningKey, type SigningOptions } from "./signing";

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
  | "INNGEST_RUNNER_RETENTION"
  | "INNGEST_RUNNER_SIGNING_KEY"
  | "INNGEST_RUNNER_EVENT_KEY"
>;

/** INNGEST_RUNNER_RETENTION: a duration ("7d", "12h"), "off" (keep everything), or unset (the default). */
function retention(v: string | undefined): number | null | undefined {
  const s = (v ?? "").trim();
  if (!s) return undefined;
  if (s === "off") return null;
  const ms = parseDuration(s);
  if (ms === null || ms <= 0) throw new Error(`INNGEST_RUNNER_RETENTION must be a duration such as "7d" or "12h", or "off"; got "${s}"`);
  return ms;
}

/**
 * Signed mode, as `inngest start --signing-key … --event-key …`. The runner's own names, so the
 * app's INNGEST_SIGNING_KEY / INNGEST_EVENT_KEY in .env never switch the runner's mode by accident.
 */
function signingFromEnv(e: RunnerEnv): SigningOptions | undefined {
  const signingKey = e.INNGEST_RUNNER_SIGNING_KEY;
  const eventKeys = e.INNGEST_RUNNER_EVENT_KEY ?? [];
  if (!signingKey) {
    if (eventKeys.length) throw new Error("INNGEST_RUNNER_EVENT_KEY needs INNGEST_RUNNER_SIGNING_KEY too (signed mode)");
    return undefined;
  }
  assertSigningKey(signingKey, "INNGEST_RUNNER_SIGNING_KEY");
  if (!eventKeys.length) throw new Error("signed mode (INNGEST_RUNNER_SIGNING_KEY) needs INNGEST_RUNNER_EVENT_KEY too");
  return { signingKey, eventKeys };
}

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
    retentionMs: retention(e.INNGEST_RUNNER_RETENTION),
    signing: signingFromEnv(e),
  };
}
