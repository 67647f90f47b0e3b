import "server-only";
import { getDb } from "@/server/db";
import { advance } from "@/server/deployments/advance";
import { DEPLOYMENT_CONCURRENCY, markDeploymentFailed, loadDeployment, providerCall } from "@/server/deployments/machine";
import { computeProvider } from "@/server/providers/compute";
import { inngest } from "../client";
import { deploymentDeleteRequested } from "../events";

/**
 * deleting → deleted: remove whatever the provider holds (nothing, if provisioning never got that
 * far), then mark the row deleted, which frees its name. Deleting at the provider is idempotent, so a
 * retried step or a provisioning step that removed its own endpoint first is no problem.
 */
export const teardownDeployment = inngest.createFunction(
  {
    id: "teardown-deployment",
    name: "Tear down a deployment",
    triggers: [deploymentDeleteRequested],
    concurrency: DEPLOYMENT_CONCURRENCY,
    retries: 6,
    onFailure: (ctx) => markDeploymentFailed(ctx, "Deleting failed: "),
  },
  async ({ event, step }) => {
    const deploymentId = event.data.deploymentId;
    const removed = await step.run("delete-endpoint", async () => {
      const db = await getDb();
      const row = await loadDeployment(db, deploymentId);
      if (row?.status !== "deleting") return { go: false, status: row?.status ?? null, removed: false };
      const providerId = row.providerId;
      if (providerId) await providerCall(() => computeProvider().delete(providerId));
      return { go: true, status: row.status, removed: Boolean(providerId) };
    });
    if (!removed.go) return { outcome: "stopped", status: removed.status };

    const done = await step.run("mark-deleted", async () => {
      const result = await advance(await getDb(), deploymentId, "deleting", "deleted", {
        message: removed.removed ? "Endpoint removed" : "Nothing was running; deleted",
      });
      return { status: result.ok ? result.to : result.current };
    });
    return { outcome: "deleted", status: done.status };
  },
);
