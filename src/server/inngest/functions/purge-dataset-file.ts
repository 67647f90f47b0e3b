import "server-only";
import { getDb } from "@/server/db";
import { removeDeletedDatasetFile } from "@/server/datasets/purge";
import { inngest } from "../client";
import { datasetDeleted } from "../events";

/**
 * How long a deleted dataset's file stays: long enough for a validation run reading it to be
 * cancelled, short enough that the file is soon gone for good.
 */
export const DATASET_FILE_GRACE = "10m";

/** A deleted dataset's file is removed from storage after a grace period (the row stays, soft-deleted). */
export const purgeDatasetFile = inngest.createFunction(
  { id: "purge-dataset-file", name: "Remove a deleted dataset's file", triggers: [datasetDeleted], retries: 6 },
  async ({ event, step }) => {
    await step.sleep("grace", DATASET_FILE_GRACE);
    return step.run("remove-file", async () => removeDeletedDatasetFile(await getDb(), event.data.datasetId));
  },
);
