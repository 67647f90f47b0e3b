import "server-only";
import type { FailureEventArgs } from "inngest";
import { z } from "zod";
import { getDb } from "@/server/db";
import { failDatasetValidation, validateStoredDataset } from "@/server/datasets/validate";
import { inngest } from "../client";
import { datasetDeleted, datasetValidationRequested } from "../events";

/** The failed run's triggering event, checked rather than trusted (onFailure's payload is untyped). */
const failedRef = z.object({ datasetId: z.uuid() });

/** After the retries: the dataset moves to error with the run's last error, and the user is told. */
export async function markDatasetValidationFailed({ event, error }: FailureEventArgs) {
  const { datasetId } = failedRef.parse(event.data.event.data);
  return failDatasetValidation(await getDb(), datasetId, `Validation could not run: ${error.message}`);
}

/**
 * validating → ready | error. One step: the stored file is streamed through the shared validator
 * (the same code the browser ran before the upload), and the results, the status move with its
 * timeline row and the notification are written in one transaction. A retry after that commit finds
 * the dataset moved on and writes nothing. Deleting the dataset cancels a run still reading.
 */
export const validateDataset = inngest.createFunction(
  {
    id: "validate-dataset",
    name: "Validate a dataset",
    triggers: [datasetValidationRequested],
    // Validation is CPU work in the app's own process: a few files at a time, one run per dataset.
    concurrency: [{ limit: 2 }, { limit: 1, key: "event.data.datasetId" }],
    cancelOn: [{ event: datasetDeleted, match: "data.datasetId" }],
    retries: 3,
    onFailure: markDatasetValidationFailed,
  },
  async ({ event, step }) => {
    return step.run("validate", async () => validateStoredDataset(await getDb(), event.data.datasetId));
  },
);
