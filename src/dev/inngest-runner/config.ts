// Environment variables of the runner process (see README.md for the full table).
import path from "node:path";
import { parseDuration } from "./duration";
import type { LogLevel } from "./log";
import type { RunnerOptions } from "./runner";
import { assertSigningKey, type SigningOptions } from "./signing";

export const DEFAULT_DATA_DIR = ".data/inngest-runner";

function int(env: Record<string, string | undefined>, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
  return n;
}

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
function signingFromEnv(env: Record<string, string | undefined>): SigningOptions | undefined {
  const signingKey = env.INNGEST_RUNNER_SIGNING_KEY?.trim() || undefined;
  const eventKeys = (env.INNGEST_RUNNER_EVENT_KEY ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!signingKey) {
    if (eventKeys.length) throw new Error("INNGEST_RUNNER_EVENT_KEY needs INNGEST_RUNNER_SIGNING_KEY too (signed mode)");
    return undefined;
  }
  assertSigningKey(signingKey, "INNGEST_RUNNER_SIGNING_KEY");
  if (!eventKeys.length) throw new Error("signed mode (INNGEST_RUNNER_SIGNING_KEY) needs INNGEST_RUNNER_EVENT_KEY too");
  return { signingKey, eventKeys };
}

export function optionsFromEnv(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): RunnerOptions {
  const databaseUrl = env.INNGEST_RUNNER_DATABASE_URL || undefined;
  const appUrls = (env.INNGEST_RUNNER_APP_URL ?? "http://localhost:3000/api/inngest")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const level = (env.INNGEST_RUNNER_LOG_LEVEL || "info") as LogLevel | "silent";
  if (!["debug", "info", "warn", "error", "silent"].includes(level)) {
    throw new Error(`INNGEST_RUNNER_LOG_LEVEL must be debug, info, warn, error or silent`);
  }
  const backoffMs = int(env, "INNGEST_RUNNER_BACKOFF_MS");
  const retentionMs = retention(env.INNGEST_RUNNER_RETENTION);
  return {
    port: int(env, "INNGEST_RUNNER_PORT") ?? 8288,
    host: env.INNGEST_RUNNER_HOST || "127.0.0.1",
    appUrls,
    databaseUrl,
    dataDir: databaseUrl ? undefined : path.resolve(cwd, env.INNGEST_RUNNER_DATA_DIR || DEFAULT_DATA_DIR),
    syncIntervalMs: int(env, "INNGEST_RUNNER_SYNC_INTERVAL_MS"),
    concurrency: int(env, "INNGEST_RUNNER_CONCURRENCY"),
    backoff: backoffMs !== undefined ? { baseMs: backoffMs } : undefined,
    logLevel: level,
    retentionMs,
    signing: signingFromEnv(env),
  };
}
