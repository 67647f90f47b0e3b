/**
 * The guarded write every status change goes through: `UPDATE … SET status = next WHERE id = $id
 * AND status = $expected` and its deployment_events row, in one transaction. A retried or late step
 * whose expectation no longer holds changes nothing, so a deployment never moves backwards and never
 * records the same transition twice.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type DeploymentEvent, type DeploymentStatus, transition } from "@/lib/deployment-lifecycle";
import { deploymentEvents, deployments } from "@/server/db/schema";
import type { Db, DbOrTx, Tx } from "@/server/db/types";
import { notify } from "@/server/notifications/notify";

/** Columns a step may set along with the status (what the provider handed back). */
export interface AdvancePatch {
  providerKind?: "simulator" | "huggingface";
  providerId?: string | null;
  endpointUrl?: string | null;
}

export type AdvanceResult =
  | { ok: true; from: DeploymentStatus; to: DeploymentStatus }
  /** `current` is null when the deployment does not exist (or is not the user's). */
  | { ok: false; current: DeploymentStatus | null; reason: string };

export interface AdvanceOptions {
  message?: string;
  patch?: AdvancePatch;
  /** Scope to this owner (requests from users); functions act on any deployment by id. */
  userId?: string;
}

/** Inside a caller's transaction (the router adds its outbox event to the same one). */
export async function advanceIn(
  tx: DbOrTx,
  deploymentId: string,
  expected: DeploymentStatus,
  event: DeploymentEvent,
  opts: AdvanceOptions = {},
): Promise<AdvanceResult> {
  const move = transition(expected, event);
  const scope = and(eq(deployments.id, deploymentId), opts.userId ? eq(deployments.userId, opts.userId) : undefined);
  if (!move.ok) {
    const [row] = await tx.select({ status: deployments.status }).from(deployments).where(scope).limit(1);
    return { ok: false, current: row?.status ?? null, reason: move.reason };
  }
  // The reason a deployment failed stays until it moves on; any other move clears it.
  const statusReason = move.to === "failed" ? (opts.message ?? "Failed") : null;
  const [updated] = await tx
    .update(deployments)
    .set({
      ...opts.patch,
      status: move.to,
      statusReason,
      updatedAt: sql`now()`,
      ...(move.to === "deleted" ? { deletedAt: sql`now()` } : {}),
    })
    .where(and(scope, eq(deployments.status, expected)))
    .returning({ id: deployments.id, userId: deployments.userId, name: deployments.name });
  if (!updated) {
    const [row] = await tx.select({ status: deployments.status }).from(deployments).where(scope).limit(1);
    const current = row?.status ?? null;
    return { ok: false, current, reason: current ? `The deployment is ${current}, not ${expected}.` : "Deployment not found." };
  }
  const [logged] = await tx
    .insert(deploymentEvents)
    .values({
      deploymentId,
      fromStatus: move.from,
      toStatus: move.to,
      step: event,
      message: opts.message ?? null,
    })
    .returning({ id: deploymentEvents.id });
  await notifyMove(tx, { ...updated, event, to: move.to, eventId: logged?.id ?? 0, message: opts.message });
  return { ok: true, from: move.from, to: move.to };
}

/** The moves a user hears about: the endpoint first serving, and any failure (keyed by its timeline row). */
async function notifyMove(
  tx: DbOrTx,
  m: { id: string; userId: string; name: string; event: DeploymentEvent; to: DeploymentStatus; eventId: number; message?: string },
): Promise<void> {
  const resource = { type: "deployment" as const, id: m.id };
  if (m.event === "became_active") {
    await notify(tx, {
      userId: m.userId,
      type: "deployment_active",
      title: `Deployment "${m.name}" is active`,
      body: "The endpoint is serving requests.",
      resource,
      dedupeKey: `deployment:${m.id}:active:${m.eventId}`,
    });
  } else if (m.to === "failed") {
    await notify(tx, {
      userId: m.userId,
      type: "deployment_failed",
      title: `Deployment "${m.name}" failed`,
      body: m.message ?? "",
      resource,
      dedupeKey: `deployment:${m.id}:failed:${m.eventId}`,
    });
  }
}

/** The functions' guarded write: status, provider columns and the timeline row, in one transaction. */
export function advance(
  db: Db,
  deploymentId: string,
  expected: DeploymentStatus,
  event: DeploymentEvent,
  opts: AdvanceOptions = {},
): Promise<AdvanceResult> {
  return db.transaction((tx: Tx) => advanceIn(tx, deploymentId, expected, event, opts));
}

/**
 * Moves a deployment to failed from whatever live state it is in (onFailure handlers do not know
 * which step failed). A deployment already failed, deleted or deleting stays as it is, except that
 * a failed teardown lands in failed so the user can delete again.
 */
export async function failDeployment(db: Db, deploymentId: string, reason: string): Promise<AdvanceResult> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [row] = await db.select({ status: deployments.status }).from(deployments).where(eq(deployments.id, deploymentId)).limit(1);
    if (!row) return { ok: false, current: null, reason: "Deployment not found." };
    const result = await advance(db, deploymentId, row.status, "failed", { message: reason });
    // Refused by the lifecycle: final. Lost a race with another write: read again and retry.
    if (result.ok || result.current === row.status) return result;
  }
  return { ok: false, current: null, reason: "The deployment kept changing; not marked failed." };
}
