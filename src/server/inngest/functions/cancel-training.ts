import "server-only";
import { accrueTrainingAndEnforce } from "@/server/costs/after-change";
import { getDb } from "@/server/db";
import { cancelTrainingAtProvider } from "@/server/training/cancel";
import { TRAINING_JOB_CONCURRENCY } from "@/server/training/machine";
import { inngest } from "../client";
import { trainingCancelRequested } from "../events";

/** The second half of a user's cancel: stop the job at the provider and settle the bill. */
export const cancelTraining = inngest.createFunction(
  {
    id: "cancel-training",
    name: "Stop a cancelled training job",
    triggers: [trainingCancelRequested],
    concurrency: TRAINING_JOB_CONCURRENCY,
    retries: 6,
  },
  async ({ event, step }) =>
    step.run("stop-at-provider", async () => {
      const db = await getDb();
      const settled = await cancelTrainingAtProvider(db, event.data.jobId);
      // The bill settled on the provider's final count: the ledger follows it.
      await accrueTrainingAndEnforce(db, event.data.jobId);
      return settled;
    }),
);
