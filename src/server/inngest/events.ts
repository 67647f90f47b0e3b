import { eventType } from "inngest";
import { z } from "zod";

/** Every event the app sends, with its payload schema (validated on send and on trigger). */
export const userCreated = eventType("user/created", {
  schema: z.object({ userId: z.string().startsWith("user_"), email: z.string(), name: z.string().nullable() }),
});

export const ping = eventType("radium/ping", { schema: z.object({ message: z.string().optional() }) });

/** A deployment's machines (src/server/inngest/functions/*-deployment.ts), all started through the outbox. */
const deploymentRef = z.object({ deploymentId: z.uuid(), userId: z.string().min(1) });
export const deploymentProvisionRequested = eventType("radium/deployment.provision.requested", { schema: deploymentRef });
export const deploymentPauseRequested = eventType("radium/deployment.pause.requested", { schema: deploymentRef });
export const deploymentResumeRequested = eventType("radium/deployment.resume.requested", { schema: deploymentRef });
export const deploymentDeleteRequested = eventType("radium/deployment.delete.requested", { schema: deploymentRef });

/** A dataset's background work (src/server/inngest/functions/*-dataset*.ts), started through the outbox. */
const datasetRef = z.object({ datasetId: z.uuid(), userId: z.string().min(1) });
export const datasetValidationRequested = eventType("radium/dataset.validation.requested", { schema: datasetRef });
export const datasetDeleted = eventType("radium/dataset.deleted", { schema: datasetRef });

/** A fine-tuning job's functions (src/server/inngest/functions/{train-model,cancel-training}.ts), started through the outbox. */
const trainingRef = z.object({ jobId: z.uuid(), userId: z.string().min(1) });
export const trainingRequested = eventType("radium/training.requested", { schema: trainingRef });
/** The training function's own next run, sent when one run has used its polls (a long job). */
export const trainingContinued = eventType("radium/training.continued", { schema: trainingRef });
/** Sent with the user's cancel: cancels the training run (cancelOn) and starts cancel-training. */
export const trainingCancelRequested = eventType("radium/training.cancel.requested", { schema: trainingRef });

/** Runs the cost meters now (the accrue-costs function also runs every five minutes on its own). */
export const costsAccrueRequested = eventType("radium/costs.accrue.requested", { schema: z.object({}) });
