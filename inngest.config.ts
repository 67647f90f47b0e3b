// The app's Inngest client and the one list of functions `/api/inngest` serves.
// The client lives in src/server/inngest/client.ts so functions can import it without a cycle.
import { inngest } from "@/server/inngest/client";
import { ping } from "@/server/inngest/functions/ping";
import { userWelcome } from "@/server/inngest/functions/user-welcome";
import { provisionDeployment } from "@/server/inngest/functions/provision-deployment";
import { pauseDeployment } from "@/server/inngest/functions/pause-deployment";
import { resumeDeployment } from "@/server/inngest/functions/resume-deployment";
import { teardownDeployment } from "@/server/inngest/functions/teardown-deployment";
import { validateDataset } from "@/server/inngest/functions/validate-dataset";
import { purgeDatasetFile } from "@/server/inngest/functions/purge-dataset-file";
import { trainModel } from "@/server/inngest/functions/train-model";
import { cancelTraining } from "@/server/inngest/functions/cancel-training";
import { accrueCosts } from "@/server/inngest/functions/accrue-costs";

export { inngest };

export const functions = [
  userWelcome,
  ping,
  provisionDeployment,
  pauseDeployment,
  resumeDeployment,
  teardownDeployment,
  validateDataset,
  purgeDatasetFile,
  trainModel,
  cancelTraining,
  accrueCosts,
];
