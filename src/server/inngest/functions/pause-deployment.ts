import "server-only";
import { getDb } from "@/server/db";
import { DEPLOYMENT_CONCURRENCY, markDeploymentFailed, loadDeployment, providerCall, storeProviderHandle } from "@/server/deployments/machine";
import { computeProvider } from "@/server/providers/compute";
import { inngest } from "../client";
import { settle } from "../deployment-settle";
import { deploymentDeleteRequested, deploymentPauseRequested } from "../events";

/** pausing → paused: ask the provider to stop every replica, then wait until it says paused. */
export const pauseDeployment = inngest.createFunction(
  {
    id: "pause-deployment",
    name: "Pause a deployment",
    triggers: [deploymentPauseRequested],
    concurrency: DEPLOYMENT_CONCURRENCY,
    cancelOn: [{ event: deploymentDeleteRequested, match: "data.deploymentId" }],
    retries: 4,
    onFailure: (ctx) => markDeploymentFailed(ctx),
  },
  async ({ event, step }) => {
    const deploymentId = event.data.deploymentId;
    const asked = await step.run("pause-endpoint", async () => {
      const db = await getDb();
      const row = await loadDeployment(db, deploymentId);
      if (!row?.providerId || row.status !== "pausing") return { kind: null, status: row?.status ?? null };
      const provider = computeProvider();
      const providerId = row.providerId;
      const handle = await providerCall(() => provider.pause(providerId));
      await storeProviderHandle(db, deploymentId, provider.kind, handle.providerId);
      return { kind: provider.kind, status: row.status };
    });
    if (!asked.kind) return { outcome: "stopped", status: asked.status };
    return settle(step, { deploymentId, kind: asked.kind, waiting: "pausing", until: "paused", event: "paused", message: "Paused: no replicas running" });
  },
);
