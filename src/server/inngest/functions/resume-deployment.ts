import "server-only";
import { getDb } from "@/server/db";
import { DEPLOYMENT_CONCURRENCY, markDeploymentFailed, loadDeployment, providerCall, storeProviderHandle } from "@/server/deployments/machine";
import { computeProvider } from "@/server/providers/compute";
import { inngest } from "../client";
import { settle } from "../deployment-settle";
import { deploymentDeleteRequested, deploymentResumeRequested } from "../events";

/** resuming → active: ask the provider to start the replicas again, then wait until it serves. */
export const resumeDeployment = inngest.createFunction(
  {
    id: "resume-deployment",
    name: "Resume a deployment",
    triggers: [deploymentResumeRequested],
    concurrency: DEPLOYMENT_CONCURRENCY,
    cancelOn: [{ event: deploymentDeleteRequested, match: "data.deploymentId" }],
    retries: 4,
    onFailure: (ctx) => markDeploymentFailed(ctx),
  },
  async ({ event, step }) => {
    const deploymentId = event.data.deploymentId;
    const asked = await step.run("resume-endpoint", async () => {
      const db = await getDb();
      const row = await loadDeployment(db, deploymentId);
      if (!row?.providerId || row.status !== "resuming") return { kind: null, status: row?.status ?? null };
      const provider = computeProvider();
      const providerId = row.providerId;
      const handle = await providerCall(() => provider.resume(providerId));
      await storeProviderHandle(db, deploymentId, provider.kind, handle.providerId);
      return { kind: provider.kind, status: row.status };
    });
    if (!asked.kind) return { outcome: "stopped", status: asked.status };
    return settle(step, { deploymentId, kind: asked.kind, waiting: "resuming", until: "active", event: "resumed", message: "Resumed: endpoint active" });
  },
);
