/**
 * Training capacity: a per-user and a global cap on live jobs (TRAINING_MAX_ACTIVE_JOBS_PER_USER,
 * TRAINING_MAX_ACTIVE_JOBS). When a cap is reached, the retry hint is when the soonest of the jobs
 * holding it is expected to finish.
 */
import "server-only";
import { sql } from "drizzle-orm";
import { env, type EnvOf } from "@/env";
import { DEFAULT_RETRY_AFTER_SECONDS, type TrainingCapacity } from "@/lib/training/graph-validation";
import { LIVE_TRAINING_SQL, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

type CapacityEnv = EnvOf<"TRAINING_MAX_ACTIVE_JOBS_PER_USER" | "TRAINING_MAX_ACTIVE_JOBS">;

const secondsUntil = (at: Date | null, now: number) =>
  at ? Math.max(1, Math.ceil((at.getTime() - now) / 1000)) : DEFAULT_RETRY_AFTER_SECONDS;

export async function trainingCapacity(
  db: DbOrTx,
  userId: string,
  e: CapacityEnv = env,
  now = Date.now(),
): Promise<TrainingCapacity> {
  const t = trainingJobs;
  // One scan of the partial index of live jobs answers all four.
  const [row] = await db
    .select({
      user: sql<number>`count(*) filter (where ${t.userId} = ${userId})::int`,
      all: sql<number>`count(*)::int`,
      userSoonest: sql<Date | string | null>`min(${t.estimatedCompletionAt}) filter (where ${t.userId} = ${userId})`,
      allSoonest: sql<Date | string | null>`min(${t.estimatedCompletionAt})`,
    })
    .from(t)
    .where(LIVE_TRAINING_SQL);
  const userLimit = e.TRAINING_MAX_ACTIVE_JOBS_PER_USER ?? 3;
  const userActiveJobs = row?.user ?? 0;
  const soonest = userActiveJobs >= userLimit ? row?.userSoonest : row?.allSoonest;
  return {
    userActiveJobs,
    userLimit,
    globalActiveJobs: row?.all ?? 0,
    globalLimit: e.TRAINING_MAX_ACTIVE_JOBS ?? 100,
    // A job past its estimate may still run: then the hint is the default rather than "now".
    retryAfterSeconds:
      soonest && new Date(soonest).getTime() > now ? secondsUntil(new Date(soonest), now) : DEFAULT_RETRY_AFTER_SECONDS,
  };
}
