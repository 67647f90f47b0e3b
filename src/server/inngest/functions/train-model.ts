import "server-only";
import type { FailureEventArgs } from "inngest";
import { z } from "zod";
import { accrueTrainingAndEnforce } from "@/server/costs/after-change";
import { getDb } from "@/server/db";
import { failTrainingJob } from "@/server/training/fail";
import { completeTrainingJob } from "@/server/training/finalize";
import { storePendingCheckpoints } from "@/server/training/files";
import { MAX_POLLS_PER_RUN, TRAINING_CONCURRENCY } from "@/server/training/machine";
import { pollTrainingJob, submitTrainingJob } from "@/server/training/run";
import { inngest } from "../client";
import { trainingCancelRequested, trainingContinued, trainingRequested } from "../events";

/** The failed run's triggering event, checked rather than trusted (onFailure's payload is untyped). */
const failedRef = z.object({ jobId: z.uuid() });

/** onFailure: the job moves to failed with the run's last error (and is stopped at the provider). */
export async function markTrainingFailed({ event, error }: FailureEventArgs) {
  const { jobId } = failedRef.parse(event.data.event.data);
  const db = await getDb();
  const result = await failTrainingJob(db, jobId, error.message);
  await accrueTrainingAndEnforce(db, jobId);
  return result;
}

/**
 * queued → initializing → running → validating → saving → completed, as the provider reports it:
 * one step submits, then a poll loop (a durable sleep between polls) records every poll's metrics,
 * logs, checkpoints, progress and cost with the status walked forward, all in one transaction per
 * poll. New checkpoints get their files copied into storage in a step of their own. When the
 * provider completes, the last step stores the adapter, makes the model artifact and completes the
 * job. The user's cancel cancels the run (cancelOn) and cancel-training stops the provider's job; a
 * long job carries on in a new run (`radium/training.continued`) before this one runs out of steps.
 */
export const trainModel = inngest.createFunction(
  {
    id: "train-model",
    name: "Train a LoRA adapter",
    triggers: [trainingRequested, trainingContinued],
    concurrency: TRAINING_CONCURRENCY,
    cancelOn: [{ event: trainingCancelRequested, match: "data.jobId" }],
    retries: 4,
    onFailure: (ctx) => markTrainingFailed(ctx),
  },
  async ({ event, step }) => {
    const { jobId, userId } = event.data;

    const submitted = await step.run("submit", async () => submitTrainingJob(await getDb(), jobId));
    if (!submitted.go) return { outcome: "skipped", status: submitted.status };

    let cursor = submitted.cursor;
    for (let i = 0; i < MAX_POLLS_PER_RUN; i++) {
      const polled = await step.run(`poll-${i}`, async () => {
        const db = await getDb();
        const outcome = await pollTrainingJob(db, jobId, cursor);
        // The completed steps' chunk of the bill, then the budget (its hard limit may cancel this job).
        await accrueTrainingAndEnforce(db, jobId);
        return outcome;
      });
      cursor = polled.cursor;
      if (polled.newCheckpoints > 0) {
        await step.run(`checkpoints-${i}`, async () => ({
          stored: await storePendingCheckpoints(await getDb(), jobId),
        }));
      }
      if (polled.done) {
        if (polled.phase !== "completed" || polled.status !== "saving")
          return { outcome: "ended", status: polled.status };
        const done = await step.run("complete", async () => {
          const db = await getDb();
          const completed = await completeTrainingJob(db, jobId);
          await accrueTrainingAndEnforce(db, jobId);
          return completed;
        });
        return {
          outcome: done.status === "completed" ? "completed" : "ended",
          status: done.status,
          artifactId: done.artifactId,
        };
      }
      await step.sleep(`wait-${i}`, polled.nextPollMs);
    }
    await step.sendEvent("continue", trainingContinued.create({ jobId, userId }));
    return { outcome: "continued", status: null };
  },
);
