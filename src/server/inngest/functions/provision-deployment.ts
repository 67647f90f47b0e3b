import "server-only";
import { NonRetriableError } from "inngest";
import { getDb } from "@/server/db";
import { advance, advanceIn } from "@/server/deployments/advance";
import { DEPLOYMENT_CONCURRENCY, markDeploymentFailed, loadDeployment, MAX_POLLS, pollIntervalMs, providerCall, storeProviderHandle } from "@/server/deployments/machine";
import { computeSpecFor } from "@/server/deployments/spec";
import { computeProvider } from "@/server/providers/compute";
import { inngest } from "../client";
import { deploymentDeleteRequested, deploymentProvisionRequested } from "../events";

/**
 * pending → provisioning → starting → active. One step per provider call, a sleep between polls,
 * every status change a guarded write with its timeline row. A delete cancels the run; the create
 * step also checks after the provider answers, so an endpoint made while a delete arrived is removed
 * at once rather than left running.
 */
export const provisionDeployment = inngest.createFunction(
  {
    id: "provision-deployment",
    name: "Provision a deployment",
    triggers: [deploymentProvisionRequested],
    concurrency: DEPLOYMENT_CONCURRENCY,
    cancelOn: [{ event: deploymentDeleteRequested, match: "data.deploymentId" }],
    retries: 4,
    onFailure: (ctx) => markDeploymentFailed(ctx),
  },
  async ({ event, step }) => {
    const id = event.data.deploymentId;

    const started = await step.run("start-provisioning", async () => {
      const db = await getDb();
      const result = await advance(db, id, "pending", "provision_started", { message: "Provisioning started" });
      // A retry of a step whose write committed finds the row already moved on: that is success.
      return { go: result.ok || result.current === "provisioning", status: result.ok ? result.to : result.current };
    });
    if (!started.go) return { outcome: "skipped", status: started.status };

    const created = await step.run("create-endpoint", async () => {
      const db = await getDb();
      const row = await loadDeployment(db, id);
      if (!row) return { kind: null, status: null };
      if (row.status !== "provisioning") return { kind: null, status: row.status };
      const provider = computeProvider();
      if (row.providerId) return { kind: provider.kind, status: row.status };
      // The spec (with decrypted secrets) stays inside this step: step results are stored by Inngest.
      const handle = await providerCall(async () => provider.create(await computeSpecFor(db, row)));
      await storeProviderHandle(db, id, provider.kind, handle.providerId);
      const now = await loadDeployment(db, id);
      if (now?.status !== "provisioning") {
        await providerCall(() => provider.delete(handle.providerId));
        return { kind: null, status: now?.status ?? null };
      }
      return { kind: provider.kind, status: now.status };
    });
    if (!created.kind) return { outcome: "stopped", status: created.status };

    const interval = pollIntervalMs(created.kind);
    for (let i = 0; i < MAX_POLLS; i++) {
      await step.sleep(`wait-${i}`, interval);
      const check = await step.run(`check-${i}`, async () => {
        const db = await getDb();
        const row = await loadDeployment(db, id);
        if (!row?.providerId || (row.status !== "provisioning" && row.status !== "starting")) return { done: true, status: row?.status ?? null };
        const providerId = row.providerId;
        const status = await providerCall(() => computeProvider().get(providerId));
        if (status.phase === "failed") {
          const failed = await advance(db, id, row.status, "failed", { message: status.message ?? `The provider reports ${status.providerState}.` });
          return { done: true, status: failed.ok ? failed.to : failed.current };
        }
        if (status.phase === "provisioning" || (status.phase === "starting" && row.status === "starting")) {
          return { done: false, status: row.status };
        }
        // Hardware ready (and perhaps already serving): both moves, each with its timeline row, at once.
        const moved = await db.transaction(async (tx) => {
          let from = row.status;
          if (from === "provisioning") {
            const ready = await advanceIn(tx, id, from, "provider_ready", { message: `Hardware ready; loading the model (${status.providerState})` });
            if (!ready.ok) return ready;
            from = ready.to;
          }
          if (status.phase !== "active") return { ok: true as const, from, to: from };
          return advanceIn(tx, id, from, "became_active", {
            message: "Endpoint active",
            patch: { endpointUrl: status.url ?? null },
          });
        });
        return { done: moved.ok ? moved.to === "active" : true, status: moved.ok ? moved.to : moved.current };
      });
      if (check.done) return { outcome: check.status === "active" ? "active" : "stopped", status: check.status };
    }
    throw new NonRetriableError(`The endpoint did not become active after ${MAX_POLLS} checks.`);
  },
);
