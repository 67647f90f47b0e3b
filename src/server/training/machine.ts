/**
 * What the training functions share: flow control, how often they poll the provider, and how a
 * provider error becomes a step outcome.
 */
import "server-only";
import { NonRetriableError } from "inngest";
import { env, type EnvOf } from "@/env";
import { ProviderError, type TrainingAdapterKind } from "@/server/providers/training";

/**
 * One step at a time per job across the training functions (scope "env" shares the key), and at most
 * a few of a user's steps at once, so one user's many polls cannot crowd out everyone else's.
 * Sleeping runs hold no slot.
 */
const PER_JOB = { limit: 1, key: "event.data.jobId", scope: "env" } as const;
const PER_USER = { limit: 4, key: "event.data.userId" } as const;
export const TRAINING_JOB_CONCURRENCY = PER_JOB;
export const TRAINING_CONCURRENCY: [typeof PER_JOB, typeof PER_USER] = [PER_JOB, PER_USER];

/**
 * Polls in one run. Each poll costs up to three steps (sleep, poll, checkpoint files) and Inngest
 * caps a run at 1,000 steps, so a longer job continues in a new run (the `radium/training.continued`
 * event), which picks the cursor up from the job row.
 */
export const MAX_POLLS_PER_RUN = 250;

/** Never under 1 s: Inngest's durable sleeps have that resolution. */
const MIN_POLL_MS = 1000;
const MAX_POLL_MS = 60_000;
/** Aim for about this many polls over what is left of a job, within the bounds above. */
const POLLS_PER_ETA = 200;

/**
 * Between polls: Together's jobs take tens of minutes, so at least every 15 s; the simulator's clock is
 * scaled by TRAINING_SIMULATOR_SPEED and so is its poll (5 s at speed 1). A long job is polled less
 * often, about 200 times over its remaining time, but at least once a minute.
 */
export function pollIntervalMs(
  kind: TrainingAdapterKind,
  etaSeconds: number | undefined,
  e: EnvOf<"TRAINING_SIMULATOR_SPEED"> = env,
): number {
  const base =
    kind === "together" ? 15_000 : Math.max(MIN_POLL_MS, Math.round(5000 * (e.TRAINING_SIMULATOR_SPEED ?? 1)));
  const spread = etaSeconds === undefined ? 0 : Math.round((etaSeconds * 1000) / POLLS_PER_ETA);
  return Math.min(MAX_POLL_MS, Math.max(base, spread));
}

/**
 * A provider error that retrying cannot fix (invalid request, refused, gone) fails the run at once
 * with the provider's own message, which onFailure records on the job; a retryable one (unavailable,
 * rate-limited) is thrown as is, for Inngest's retries.
 */
export async function providerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ProviderError && !err.retryable) throw new NonRetriableError(err.message, { cause: err });
    throw err;
  }
}
