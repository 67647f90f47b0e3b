// A user's platform rows, LIST_ROWS of each, as the app itself writes them: datasets ready to train on,
// fine-tuning jobs and the artifacts they left (one job trained through the training simulator, the
// rest copies of it), deployments through every status, notifications and API keys.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Db } from "./_chat-app";
import { deploymentRows } from "./_deployments-list-http";

export const LIST_ROWS = 100;

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function trainedJobs(db: Db, userId: string, datasetId: string): Promise<void> {
  const { createTrainingJob } = await import("@/server/training/create");
  const { setStorageForTesting } = await import("@/server/storage");
  const { localStorage } = await import("@/server/storage/local");
  const { trainingJobs, modelArtifacts } = await import("@/server/db/schema");
  const { idempotencyKey, trainDirectly, trainingGraph } = await import("../tests/helpers/training");
  const { eq } = await import("drizzle-orm");
  // The simulator finishes at once, and its adapter files go to a folder of their own.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-lists-bench-"));
  const speed = process.env.TRAINING_SIMULATOR_SPEED;
  process.env.TRAINING_SIMULATOR_SPEED = "0";
  setStorageForTesting({ local: localStorage(dir, crypto.randomBytes(32)) });
  try {
    const created = await createTrainingJob(db, userId, { graph: trainingGraph(userId, datasetId), idempotencyKey: idempotencyKey() });
    if (!created.ok) throw new Error(`training job not created: ${JSON.stringify(created)}`);
    const done = await trainDirectly(db, created.id);
    if (!done.artifactId) throw new Error(`training job ended ${done.status}`);
    const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, created.id));
    const [artifact] = await db.select().from(modelArtifacts).where(eq(modelArtifacts.id, done.artifactId));
    if (!job || !artifact) throw new Error("the trained job or its artifact is missing");
    const copies = Array.from({ length: LIST_ROWS - 1 }, (_, i) => ({ jobId: crypto.randomUUID(), at: minutesAgo(i + 1) }));
    await db.insert(trainingJobs).values(
      copies.map((c, i) => ({ ...job, id: c.jobId, name: `${job.name} ${i + 2}`, idempotencyKey: idempotencyKey(), createdAt: c.at })),
    );
    await db.insert(modelArtifacts).values(
      copies.map((c, i) => ({ ...artifact, id: crypto.randomUUID(), jobId: c.jobId, name: `${artifact.name} ${i + 2}`, createdAt: c.at })),
    );
  } finally {
    setStorageForTesting(undefined);
    if (speed === undefined) delete process.env.TRAINING_SIMULATOR_SPEED;
    else process.env.TRAINING_SIMULATOR_SPEED = speed;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function seedLists(db: Db, userId: string): Promise<void> {
  const { insertDataset } = await import("../tests/helpers/training");
  const { notify } = await import("@/server/notifications/notify");
  const { createApiKey } = await import("@/server/api-keys/manage");
  const { deployments, outbox } = await import("@/server/db/schema");
  const { NOTIFICATION_TYPES } = await import("@/lib/notifications/types");
  const datasets = [];
  for (let i = 0; i < LIST_ROWS; i++) datasets.push(await insertDataset(db, userId, { name: `bench-dataset-${i}` }));
  await trainedJobs(db, userId, datasets[0]?.id ?? "");
  await db.insert(deployments).values(await deploymentRows(userId, LIST_ROWS));
  for (let i = 0; i < LIST_ROWS; i++) {
    const type = NOTIFICATION_TYPES[i % NOTIFICATION_TYPES.length] ?? "job_completed";
    await notify(db, { userId, type, title: `Bench notification ${i}`, body: "Something the user should know about." });
    const key = await createApiKey(db, userId, { name: `bench-key-${i}` });
    if (!key.ok) throw new Error(`API key not created: ${key.message}`);
  }
  // Created rows queue events for the background functions; the bench measures lists, not those runs.
  await db.delete(outbox).where(sql`true`);
  await db.execute(sql`analyze`);
}
