/**
 * The second half of pause and resume: poll the provider (a sleep, then one step per check) until it
 * reports the phase the transition waits for, then make the guarded write. A provider failure lands
 * the deployment in failed with the provider's message; a row that moved on (deleted meanwhile) ends
 * the loop without a write.
 */
import "server-only";
import { type GetStepTools, NonRetriableError } from "inngest";
import type { DeploymentEvent, DeploymentStatus } from "@/lib/deployment-lifecycle";
import { getDb } from "@/server/db";
import { advance } from "@/server/deployments/advance";
import { loadDeployment, MAX_POLLS, pollIntervalMs, providerCall } from "@/server/deployments/machine";
import { type ComputeAdapterKind, type ComputePhase, computeProvider } from "@/server/providers/compute";
import type { inngest } from "./client";

export interface SettleOptions {
  deploymentId: string;
  kind: ComputeAdapterKind;
  /** The transient status the function waits in (pausing, resuming). */
  waiting: DeploymentStatus;
  /** The provider phase that completes it, and the lifecycle event then applied. */
  until: ComputePhase;
  event: DeploymentEvent;
  message: string;
}

export async function settle(step: GetStepTools<typeof inngest>, o: SettleOptions): Promise<{ status: DeploymentStatus | null }> {
  const interval = pollIntervalMs(o.kind);
  for (let i = 0; i < MAX_POLLS; i++) {
    await step.sleep(`wait-${i}`, interval);
    const check = await step.run(`check-${i}`, async () => {
      const db = await getDb();
      const row = await loadDeployment(db, o.deploymentId);
      if (!row?.providerId || row.status !== o.waiting) return { done: true, status: row?.status ?? null };
      const providerId = row.providerId;
      const status = await providerCall(() => computeProvider().get(providerId));
      if (status.phase === "failed" || status.phase === o.until) {
        const result =
          status.phase === "failed"
            ? await advance(db, o.deploymentId, o.waiting, "failed", { message: status.message ?? `The provider reports ${status.providerState}.` })
            : await advance(db, o.deploymentId, o.waiting, o.event, {
                message: o.message,
                ...(status.url ? { patch: { endpointUrl: status.url } } : {}),
              });
        return { done: true, status: result.ok ? result.to : result.current };
      }
      return { done: false, status: row.status };
    });
    if (check.done) return { status: check.status };
  }
  throw new NonRetriableError(`The provider did not report ${o.until} after ${MAX_POLLS} checks.`);
}
