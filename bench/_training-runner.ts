// Fine-tuning jobs through the real functions on the local Inngest runner in signed mode (its own
// process, as under `npm run dev`), the training simulator at speed 0.01: created through the router,
// started by the outbox, one of them cancelled mid-run. All must end (completed, or cancelled for that
// one) with an artifact each and no duplicated or backward transition in training_events.
import { rmSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { cloudModeAgainstRunner, type RunnerSetup, withAppAndRunner } from "./_app-with-runner";

const SPEED = "0.01";
const USER_ID = "user_benchTraining0000000000000";

/** The app in cloud mode against the runner: set before the Inngest client is made. */
export function trainingRunnerSetup(): Promise<RunnerSetup> {
  return cloudModeAgainstRunner({
    TRAINING_SIMULATOR_SPEED: SPEED,
    TRAINING_SIMULATOR_FAILURE_RATE: "0",
    TRAINING_MAX_ACTIVE_JOBS_PER_USER: "1000",
    TRAINING_MAX_ACTIVE_JOBS: "1000",
  });
}

export async function jobsThroughTheRunner(
  setup: RunnerSetup,
  count: number,
): Promise<void> {
  const { createCaller } = await import("@/server/api/root");
  const { upsertUser } = await import("@/server/users/ensure-user");
  const { deliverOutbox } = await import("@/server/outbox");
  const { modelArtifacts, trainingEvents, trainingJobs } = await import("@/server/db/schema");
  const { nextStatus, TRAINING_EVENTS } = await import("@/lib/training-lifecycle");
  const { insertDataset, trainingGraph, idempotencyKey } = await import("../tests/helpers/training");

  await withAppAndRunner(setup, "train-model", async (db, send) => {
    const userId = USER_ID;
    await upsertUser(db.conn.db, { id: userId, email: "bench-training@example.com", name: "Bench" });
    const caller = createCaller({
      db: db.conn.db,
      user: { id: userId, name: "Bench", email: "bench-training@example.com" },
    });
    const dataset = await insertDataset(db.conn.db, userId);
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(
        (await caller.fineTuning.create({ graph: trainingGraph(userId, dataset.id), idempotencyKey: idempotencyKey() }))
          .id,
      );
    }
    await deliverOutbox(db.conn.db, send);
    const cancelled = ids[0] ?? "";
    let statuses: string[] = [];
    for (const deadline = Date.now() + 240_000; ; ) {
      const [first] = await db.conn.db.select().from(trainingJobs).where(eq(trainingJobs.id, cancelled));
      if (first?.status === "running" && first.currentStep > 10) {
        await caller.fineTuning.cancel({ id: cancelled });
        await deliverOutbox(db.conn.db, send);
      }
      const rows = await db.conn.db
        .select({ status: trainingJobs.status })
        .from(trainingJobs)
        .where(eq(trainingJobs.userId, userId));
      statuses = rows.map((r) => r.status);
      if (statuses.every((s) => ["completed", "failed", "cancelled"].includes(s)) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const ended = Date.now();
    const events = await db.conn.db.select().from(trainingEvents).orderBy(asc(trainingEvents.id));
    const isEvent = (step: string): step is (typeof TRAINING_EVENTS)[number] =>
      (TRAINING_EVENTS as readonly string[]).includes(step);
    let bad = 0;
    for (const id of ids) {
      const moves = events.filter((e) => e.jobId === id && e.fromStatus !== e.toStatus);
      moves.forEach((e, i) => {
        if (
          i > 0 &&
          (e.fromStatus !== moves[i - 1]?.toStatus ||
            !(e.fromStatus && isEvent(e.step) && nextStatus(e.fromStatus, e.step) === e.toStatus))
        )
          bad++;
      });
    }
    const artifacts = await db.conn.db.select({ jobId: modelArtifacts.jobId }).from(modelArtifacts);
    const [c] = await db.conn.db.select().from(trainingJobs).where(eq(trainingJobs.id, cancelled));
    const count_ = (s: string) => statuses.filter((x) => x === s).length;
    console.log(
      `${count} fine-tuning jobs through the runner (signed mode, own process; simulator speed ${SPEED}; PostgreSQL): ` +
        `${count_("completed")} completed, ${count_("cancelled")} cancelled (billed ${c?.finalCostCents} of ${c?.estimatedTotalCents} cents), ` +
        `${count_("failed")} failed, ${statuses.length - count_("completed") - count_("cancelled") - count_("failed")} still live; ` +
        `${artifacts.length} artifacts; ${bad} duplicated or backward transitions; all ended ${((ended - started) / 1000).toFixed(1)} s after the creates`,
    );
  });
  // The checkpoints went to the local storage under .data/uploads: the bench user's files go.
  rmSync(path.join(process.cwd(), ".data", "uploads", USER_ID), { recursive: true, force: true });
}
