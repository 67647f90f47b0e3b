/**
 * fineTuning.create's server side: deep validation, the server's own estimate, then one transaction
 * that re-reads the capacity under a lock (two submits at once cannot both take the last slot), writes
 * the job (graph, configuration, estimate), its first timeline row and the outbox event that starts
 * the training function. One job per idempotency key and user, however often it is submitted.
 */
import "server-only";
import crypto from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { type GraphValidationError, parseTrainingGraph } from "@/lib/training/graph-validation";
import { trainingConfigFromGraph } from "@/lib/training/graph";
import { trainingEvents, trainingJobs } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { trainingRequested } from "@/server/inngest/events";
import { enqueueEvent } from "@/server/outbox";
import { trainingCapacity } from "./capacity";
import { validateTrainingRequest } from "./validate";

export type CreateTrainingJobResult =
  | { ok: true; id: string; created: boolean }
  | { ok: false; code: "invalid"; error: GraphValidationError }
  | { ok: false; code: "conflict"; message: string };

/** Held for the capacity check and the insert; any fixed key shared by every create does. */
const CAPACITY_LOCK = 0x7261_6469; // "radi"

/** The job an earlier request with this key made, if the graph describes the same configuration. */
async function replay(
  db: Db,
  userId: string,
  idempotencyKey: string,
  input: unknown,
): Promise<CreateTrainingJobResult | null> {
  const [existing] = await db
    .select({ id: trainingJobs.id, config: trainingJobs.config })
    .from(trainingJobs)
    .where(and(eq(trainingJobs.userId, userId), eq(trainingJobs.idempotencyKey, idempotencyKey)))
    .limit(1);
  if (!existing) return null;
  const parsed = parseTrainingGraph(input);
  // Compared as values: jsonb does not keep key order.
  if (parsed.ok && isDeepStrictEqual(trainingConfigFromGraph(parsed.graph), existing.config)) {
    return { ok: true, id: existing.id, created: false };
  }
  return {
    ok: false,
    code: "conflict",
    message: "This request key was already used for another training job; reload the page.",
  };
}

export async function createTrainingJob(
  db: Db,
  userId: string,
  input: { graph: unknown; idempotencyKey: string },
): Promise<CreateTrainingJobResult> {
  const replayed = await replay(db, userId, input.idempotencyKey, input.graph);
  if (replayed) return replayed;

  const valid = await validateTrainingRequest(db, userId, input.graph);
  if (!valid.ok) return { ok: false, code: "invalid", error: valid.error };
  const { config, graph, dataset, model, estimate } = valid;

  const id = crypto.randomUUID();
  const now = new Date();
  const outcome = await db.transaction(async (tx): Promise<CreateTrainingJobResult | "raced"> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CAPACITY_LOCK})`);
    // The same request may have committed while this one waited: a replay, not one more job.
    const [same] = await tx
      .select({ id: trainingJobs.id })
      .from(trainingJobs)
      .where(and(eq(trainingJobs.userId, userId), eq(trainingJobs.idempotencyKey, input.idempotencyKey)))
      .limit(1);
    if (same) return "raced";
    const recheck = await validateTrainingRequest(tx, userId, input.graph, await trainingCapacity(tx, userId));
    if (!recheck.ok) return { ok: false, code: "invalid", error: recheck.error };
    const [row] = await tx
      .insert(trainingJobs)
      .values({
        id,
        userId,
        name: `${model.name} · ${dataset.name}`,
        datasetId: dataset.id,
        modelId: model.id,
        graph,
        config,
        estimate,
        estimatedTotalCents: estimate.totalCents,
        status: "queued",
        stage: "queued",
        totalEpochs: config.hyperparameters.epochs,
        totalSteps: estimate.totalSteps,
        estimatedCompletionAt: new Date(now.getTime() + estimate.durationSeconds * 1000),
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
        updatedAt: now,
      })
      // A concurrent request with the same key got there first: this one changes nothing.
      .onConflictDoNothing({ target: [trainingJobs.userId, trainingJobs.idempotencyKey] })
      .returning({ id: trainingJobs.id });
    if (!row) return "raced";
    await tx
      .insert(trainingEvents)
      .values({ jobId: id, fromStatus: null, toStatus: "queued", step: "created", message: "Training job created" });
    await enqueueEvent(tx, { name: trainingRequested.name, data: { jobId: id, userId } });
    return { ok: true, id, created: true };
  });
  if (outcome === "raced")
    return (
      (await replay(db, userId, input.idempotencyKey, input.graph)) ?? {
        ok: false,
        code: "conflict",
        message: "Try again.",
      }
    );
  return outcome;
}
