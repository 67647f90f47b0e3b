/** One deployment of the user's, with its timeline and the provider's recent log lines. */
import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { apiKeys, deploymentEvents, deployments } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { logger } from "@/server/log";
import { type ComputeProvider, computeProvider } from "@/server/providers/compute";
import { type DeploymentTimelineEntry, type DeploymentView, deploymentView, timelineEntry } from "./view";

export interface DeploymentDetail extends DeploymentView {
  events: DeploymentTimelineEntry[];
  /** Oldest first; empty when there is no endpoint yet (or the provider could not be asked). */
  logs: string[];
}

const LOG_LINES = 200;
const LOGS_TIMEOUT_MS = 3000;

async function providerLogs(provider: ComputeProvider, providerId: string): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), LOGS_TIMEOUT_MS);
  });
  try {
    // Logs are a convenience: a slow or failing provider must not take the page down with it.
    const lines = await Promise.race([provider.logs(providerId), timeout]);
    return lines.slice(-LOG_LINES);
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "deployment logs unavailable");
    return [];
  } finally {
    clearTimeout(timer);
  }
}

export async function deploymentById(
  db: DbOrTx,
  userId: string,
  id: string,
  provider: () => ComputeProvider = computeProvider,
): Promise<DeploymentDetail | null> {
  const [row] = await db
    .select()
    .from(deployments)
    .where(and(eq(deployments.id, id), eq(deployments.userId, userId)))
    .limit(1);
  if (!row) return null;
  const events = await db.select().from(deploymentEvents).where(eq(deploymentEvents.deploymentId, id)).orderBy(asc(deploymentEvents.id));
  // The oldest live key scoped to it: the one the wizard made.
  const [key] = await db
    .select({ prefix: apiKeys.prefix })
    .from(apiKeys)
    .where(and(eq(apiKeys.deploymentId, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(asc(apiKeys.createdAt))
    .limit(1);
  const logs = row.providerId && row.status !== "deleted" ? await providerLogs(provider(), row.providerId) : [];
  return { ...deploymentView(row, key?.prefix ?? null), events: events.map(timelineEntry), logs };
}
