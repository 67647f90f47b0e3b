// A user's platform rows, LIST_ROWS of each, as the app itself writes them: datasets ready to train on,
// fine-tuning jobs and the artifacts they left (one job trained through the training simulator, the
// rest copies of it), deployments through every status, the requests one of them served, notifications,
// API keys and cost records this month.
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "./_chat-app";
import { deploymentRows } from "./_deployments-list-http";

export const LIST_ROWS = 100;
/** The live deployment whose requests are seeded (a fresh database per run, so a fixed id). */
export const LIVE_DEPLOYMENT_ID = "6d1c35a0-5b1e-4c39-9a53-0b1e5c0de001";

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

/** The training simulator, instant and never failing, whatever the shell says (a Together key included). */
const TRAINING_ENV = { TRAINING_SIMULATOR_SPEED: "0", TRAINING_SIMULATOR_FAILURE_RATE: "0", TOGETHER_API_KEY: "" };

async function withTrainingSimulator<T>(work: () => Promise<T>): Promise<T> {
  // Not a React hook, whatever its name says.
  const { useTempLocalStorage: tempLocalStorage } = await import("../tests/helpers/datasets");
  const saved = Object.fromEntries(Object.keys(TRAINING_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, TRAINING_ENV);
  // The adapter files the simulator writes go to a folder of their own, removed after.
  const storage = tempLocalStorage();
  try {
    return await work();
  } finally {
    storage.dispose();
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

async function trainedJobs(db: Db, userId: string, datasetId: string): Promise<void> {
  const { createTrainingJob } = await import("@/server/training/create");
  const { trainingJobs, modelArtifacts } = await import("@/server/db/schema");
  const { idempotencyKey, trainDirectly, trainingGraph } = await import("../tests/helpers/training");
  const { eq } = await import("drizzle-orm");
  const trained = await withTrainingSimulator(async () => {
    const created = await createTrainingJob(db, userId, { graph: trainingGraph(userId, datasetId), idempotencyKey: idempotencyKey() });
    if (!created.ok) throw new Error(`training job not created: ${JSON.stringify(created)}`);
    const done = await trainDirectly(db, created.id);
    if (!done.artifactId) throw new Error(`training job ended ${done.status}`);
    return { jobId: created.id, artifactId: done.artifactId };
  });
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, trained.jobId));
  const [artifact] = await db.select().from(modelArtifacts).where(eq(modelArtifacts.id, trained.artifactId));
  if (!job || !artifact) throw new Error("the trained job or its artifact is missing");
  const copies = Array.from({ length: LIST_ROWS - 1 }, (_, i) => ({ jobId: crypto.randomUUID(), at: minutesAgo(i + 1) }));
  await db.insert(trainingJobs).values(
    copies.map((c, i) => ({ ...job, id: c.jobId, name: `${job.name} ${i + 2}`, idempotencyKey: idempotencyKey(), createdAt: c.at })),
  );
  await db.insert(modelArtifacts).values(
    copies.map((c, i) => ({ ...artifact, id: crypto.randomUUID(), jobId: c.jobId, name: `${artifact.name} ${i + 2}`, createdAt: c.at })),
  );
}

/** Requests to one live deployment, a minute apart, some streamed, a few failed. */
async function servedRequests(db: Db, userId: string, deploymentId: string): Promise<void> {
  const { usageRecords } = await import("@/server/db/schema");
  await db.insert(usageRecords).values(
    Array.from({ length: LIST_ROWS }, (_, i) => ({
      userId,
      deploymentId,
      model: "bench-endpoint",
      source: "api" as const,
      requestId: crypto.randomUUID(),
      promptTokens: 120 + i,
      completionTokens: 300 + i,
      ttftMs: 40 + (i % 7),
      totalMs: 900 + i,
      status: i % 10 === 9 ? 429 : 200,
      stream: i % 2 === 0,
      createdAt: minutesAgo(i),
    })),
  );
}

/** Ledger lines spread over this month so far, so the costs page's default range holds them all. */
async function costLines(db: Db, userId: string, resourceId: string): Promise<void> {
  const { costRecords } = await import("@/server/db/schema");
  const { monthStart, billingPeriodOf } = await import("@/lib/costs/period");
  const now = Date.now();
  const from = monthStart(new Date(now)).getTime();
  await db.insert(costRecords).values(
    Array.from({ length: LIST_ROWS }, (_, i) => {
      const start = new Date(from + Math.floor(((now - from) * i) / LIST_ROWS));
      return {
        userId,
        type: "compute" as const,
        amount: 1000 + i,
        details: { kind: "deployment" as const, replicas: 1, hourlyCents: 80, billedSeconds: 300 },
        resourceType: "deployment" as const,
        resourceId,
        billingPeriod: billingPeriodOf(start),
        periodStart: start,
        periodEnd: new Date(start.getTime() + 300_000),
        idempotencyKey: `bench-lists:${i}`,
      };
    }),
  );
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
  const rows = await deploymentRows(userId, LIST_ROWS);
  const live = rows.findIndex((d) => d.status === "active");
  if (live < 0) throw new Error("no active deployment among the seeded ones");
  await db.insert(deployments).values(rows.map((d, i) => (i === live ? { ...d, id: LIVE_DEPLOYMENT_ID } : d)));
  await servedRequests(db, userId, LIVE_DEPLOYMENT_ID);
  await costLines(db, userId, LIVE_DEPLOYMENT_ID);
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

