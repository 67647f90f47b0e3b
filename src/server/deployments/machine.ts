/**
 * What the four deployment functions share: flow control, how often they poll the provider, how a
 * provider error becomes a step outcome, and the row they act on.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { type FailureEventArgs, NonRetriableError } from "inngest";
import { z } from "zod";
import { env, type EnvOf } from "@/env";
import { getDb } from "@/server/db";
import { type DeploymentRow, deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { type ComputeAdapterKind, ProviderError } from "@/server/providers/compute";
import { type AdvanceResult, failDeployment } from "./advance";

/**
 * One step at a time per deployment, across all four functions (scope "env" shares the key between
 * them): a pause can never interleave with the provisioning step it follows. Sleeping runs hold no slot.
 */
export const DEPLOYMENT_CONCURRENCY = { limit: 1, key: "event.data.deploymentId", scope: "env" } as const;

/** Polls before a transition is declared stuck (with the intervals below: ~30 minutes for real providers). */
export const MAX_POLLS = 120;

/**
 * Between polls: Hugging Face endpoints take minutes, so every 15 s; the simulator's phases are
 * scaled by COMPUTE_SIMULATOR_SPEED, and so is its poll (5 s at speed 1), but never under 1 s: that
 * is the resolution of Inngest's durable sleeps (the SDK rounds shorter ones up).
 */
export function pollIntervalMs(kind: ComputeAdapterKind, e: EnvOf<"COMPUTE_SIMULATOR_SPEED"> = env): number {
  if (kind === "huggingface") return 15_000;
  return Math.max(1000, Math.round(5000 * (e.COMPUTE_SIMULATOR_SPEED ?? 1)));
}

/**
 * A provider error that retrying cannot fix (invalid request, refused, gone) fails the run at once
 * with the provider's own message, which onFailure writes as the deployment's reason; a retryable one
 * (unavailable, rate-limited) is thrown as is, for Inngest's retries.
 */
export async function providerCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof ProviderError && !err.retryable) throw new NonRetriableError(err.message, { cause: err });
    throw err;
  }
}

export async function loadDeployment(db: DbOrTx, id: string): Promise<DeploymentRow | null> {
  const [row] = await db.select().from(deployments).where(eq(deployments.id, id)).limit(1);
  return row ?? null;
}

/** Keeps the provider's handle (the simulator's changes on every call), whatever the status now is. */
export async function storeProviderHandle(db: DbOrTx, id: string, kind: ComputeAdapterKind, providerId: string): Promise<void> {
  await db.update(deployments).set({ providerKind: kind, providerId }).where(eq(deployments.id, id));
}

/** The failed run's triggering event, checked rather than trusted (onFailure's payload is untyped). */
const failedRef = z.object({ deploymentId: z.uuid() });

/** Every deployment function's onFailure: the deployment moves to failed with the run's last error. */
export async function markDeploymentFailed({ event, error }: FailureEventArgs, prefix = ""): Promise<AdvanceResult> {
  const { deploymentId } = failedRef.parse(event.data.event.data);
  return failDeployment(await getDb(), deploymentId, `${prefix}${error.message}`);
}
