import "server-only";
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
    step.run("stop-at-provider", async () => cancelTrainingAtProvider(await getDb(), event.data.jobId)),
);
