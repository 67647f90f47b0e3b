/**
 * Copies adapter files from the provider into our storage: each checkpoint under
 * `{userId}/{jobId}/checkpoint-<step>/<file>`, and a final adapter the checkpoints do not include under
 * `{userId}/{jobId}/final/<file>`. A put overwrites the same key, so a retried step stores nothing twice.
 */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { type StoredTrainingFile, trainingCheckpoints, trainingJobs } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { logger } from "@/server/log";
import { type ArtifactFile, ProviderError, trainingProvider } from "@/server/providers/training";
import { getStorage } from "@/server/storage";
import { assertStorageKey } from "@/server/storage/types";

/** A provider's file name, reduced to what storage keys allow ("adapter model.bin" → "adapter-model.bin"). */
export function storedName(name: string): string {
  const base = name.split("/").pop() ?? name;
  const clean = base.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "");
  return clean || "file";
}

export function checkpointFileKey(userId: string, jobId: string, step: number, name: string): string {
  return assertStorageKey(`${userId}/${jobId}/checkpoint-${step}/${storedName(name)}`);
}

export function finalFileKey(userId: string, jobId: string, name: string): string {
  return assertStorageKey(`${userId}/${jobId}/final/${storedName(name)}`);
}

export async function storeFiles(
  files: readonly ArtifactFile[],
  keyOf: (name: string) => string,
): Promise<StoredTrainingFile[]> {
  const storage = await getStorage();
  const stored: StoredTrainingFile[] = [];
  for (const f of files) {
    const key = keyOf(f.name);
    const { size } = await storage.put(key, f.data, { contentType: f.contentType });
    stored.push({ name: storedName(f.name), size, contentType: f.contentType, key });
  }
  return stored;
}

/**
 * Stores every checkpoint whose files are not stored yet. A checkpoint the provider cannot hand out
 * (not_found) is tried again at the next call, unless `last` (the job is over): then, as for any other
 * refusal, it is recorded with no files, since a missing copy must not fail the training. Errors worth
 * retrying (unavailable, rate-limited) are thrown for the step to retry.
 */
export async function storePendingCheckpoints(db: Db, jobId: string, opts: { last?: boolean } = {}): Promise<number> {
  const [job] = await db
    .select({ userId: trainingJobs.userId, providerJobId: trainingJobs.providerJobId })
    .from(trainingJobs)
    .where(eq(trainingJobs.id, jobId))
    .limit(1);
  if (!job?.providerJobId) return 0;
  const providerJobId = job.providerJobId;
  const pending = await db
    .select({ id: trainingCheckpoints.id, step: trainingCheckpoints.step })
    .from(trainingCheckpoints)
    .where(and(eq(trainingCheckpoints.jobId, jobId), isNull(trainingCheckpoints.storedAt)))
    .orderBy(asc(trainingCheckpoints.step));
  let stored = 0;
  for (const c of pending) {
    let files: StoredTrainingFile[];
    try {
      const downloaded = await trainingProvider().downloadCheckpoint(providerJobId, c.step);
      files = await storeFiles(downloaded, (name) => checkpointFileKey(job.userId, jobId, c.step, name));
    } catch (err) {
      if (!(err instanceof ProviderError) || err.retryable) throw err;
      if (err.code === "not_found" && !opts.last) continue;
      logger.warn({ jobId, step: c.step, err: err.message }, "training checkpoint files unavailable");
      files = [];
    }
    await db
      .update(trainingCheckpoints)
      .set({ files, storedAt: new Date() })
      .where(and(eq(trainingCheckpoints.id, c.id), isNull(trainingCheckpoints.storedAt)));
    stored++;
  }
  return stored;
}
