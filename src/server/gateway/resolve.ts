/**
 * Routing: `model` is the endpoint name of one of the caller's deployments. Another user's names and
 * unknown names answer the same 404 (nothing about other users leaks), a key scoped to another
 * deployment 403, a paused one 409, one still coming up 503 with Retry-After.
 */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { DeploymentStatus } from "@/lib/deployment-lifecycle";
import { type RateLimits, rateLimitsOf, type StoredDeploymentConfig } from "@/lib/deployments/schema";
import { deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { ComputeAdapterKind } from "@/server/providers/compute/types";
import type { Principal } from "./auth";
import { errors, type GatewayError } from "./errors";

export interface RoutedDeployment {
  id: string;
  userId: string;
  name: string;
  modelId: string;
  status: DeploymentStatus;
  providerKind: ComputeAdapterKind | null;
  providerId: string | null;
  endpointUrl: string | null;
  limits: RateLimits;
  requestLogging: boolean;
  scaling: Pick<StoredDeploymentConfig["scaling"], "minReplicas" | "scaleToZeroAfterMinutes">;
}

const TTL_MS = 1_000;
const g = globalThis as unknown as { __radiumRouteCache?: Map<string, { at: number; row: RoutedDeployment | null }> };
const cache = () => (g.__radiumRouteCache ??= new Map());

/** Forgets what this process remembers of a user's deployment names (after a pause, a rename…). */
export function forgetRoutes(): void {
  cache().clear();
}

async function findByName(db: DbOrTx, userId: string, name: string, now: number): Promise<RoutedDeployment | null> {
  const k = `${userId}\u0000${name}`;
  const hit = cache().get(k);
  if (hit && now - hit.at < TTL_MS) return hit.row;
  const [row] = await db
    .select({
      id: deployments.id,
      userId: deployments.userId,
      name: deployments.name,
      modelId: deployments.modelId,
      status: deployments.status,
      providerKind: deployments.providerKind,
      providerId: deployments.providerId,
      endpointUrl: deployments.endpointUrl,
      config: deployments.config,
    })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), eq(deployments.name, name), isNull(deployments.deletedAt)))
    .limit(1);
  const routed: RoutedDeployment | null = row
    ? {
        id: row.id,
        userId: row.userId,
        name: row.name,
        modelId: row.modelId,
        status: row.status,
        providerKind: row.providerKind,
        providerId: row.providerId,
        endpointUrl: row.endpointUrl,
        limits: rateLimitsOf(row.config.security),
        requestLogging: row.config.security.requestLogging,
        scaling: { minReplicas: row.config.scaling.minReplicas, scaleToZeroAfterMinutes: row.config.scaling.scaleToZeroAfterMinutes },
      }
    : null;
  if (cache().size > 10_000) cache().clear();
  cache().set(k, { at: now, row: routed });
  return routed;
}

/** Seconds a deployment that is still coming up is expected to take, for Retry-After. */
const STARTING_RETRY_S = 30;

export async function routeModel(db: DbOrTx, principal: Principal, model: string, now = Date.now()): Promise<RoutedDeployment | GatewayError> {
  const dep = await findByName(db, principal.userId, model, now);
  if (!dep || dep.status === "deleting" || dep.status === "deleted") return errors.modelNotFound(model);
  if (principal.key?.deploymentId && principal.key.deploymentId !== dep.id) return errors.keyScope(model);
  switch (dep.status) {
    case "active":
      return dep;
    case "paused":
    case "pausing":
      return errors.paused(model);
    case "resuming":
      return errors.unavailable(model, STARTING_RETRY_S, "is resuming");
    case "failed":
      return errors.unavailable(model, STARTING_RETRY_S, "has failed; see its page for why");
    default:
      return errors.unavailable(model, STARTING_RETRY_S, "is still starting");
  }
}

/** The chat's route: by id (the selector's `deployment:<uuid>`), same checks. */
export async function routeDeploymentId(db: DbOrTx, principal: Principal, deploymentId: string): Promise<RoutedDeployment | GatewayError> {
  const [row] = await db
    .select({ name: deployments.name })
    .from(deployments)
    .where(and(eq(deployments.id, deploymentId), eq(deployments.userId, principal.userId), isNull(deployments.deletedAt)))
    .limit(1);
  if (!row) return errors.modelNotFound(deploymentId);
  return routeModel(db, principal, row.name);
}
