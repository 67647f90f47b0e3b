/**
 * The deployments' meter (run by the accrue-costs function every five minutes): for each deployment
 * that may have run since its mark, recompute the UTC hours from the mark (less a grace for timeline
 * rows committed late) to now, write them, and move the mark, in one transaction per deployment.
 * Running it twice over the same time writes the same lines under the same keys: nothing is billed
 * twice. The rule for what is billed is in src/lib/costs/deployment.ts.
 */
import "server-only";
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { deploymentLines } from "@/lib/costs/deployment";
import { costMeters, deploymentEvents, deployments } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import { lockUserCosts, writeCostLinesIn } from "./ledger";

/** A status change committed up to this long after its timestamp is still billed right. */
const GRACE_MS = 10 * 60_000;

const meterKey = (id: string) => `deployment:${id}`;

export interface AccrualResult {
  /** Users whose bill changed (their budgets are checked next). */
  userIds: string[];
  lines: number;
}

export async function accrueDeployments(db: Db, now = new Date()): Promise<AccrualResult> {
  // Only what may have billed time since its mark: never metered, billing now, or moved since the
  // mark (advanceIn stamps updated_at with every status change, a delete included). A deployment
  // paused or failed for months costs one index scan, not a transaction every five minutes.
  const rows = await db
    .select({
      id: deployments.id,
      userId: deployments.userId,
      hourlyCents: deployments.hourlyCents,
      config: deployments.config,
      createdAt: deployments.createdAt,
      accruedUntil: costMeters.accruedUntil,
    })
    .from(deployments)
    .leftJoin(costMeters, eq(costMeters.key, sql`'deployment:' || ${deployments.id}::text`))
    .where(
      or(
        isNull(costMeters.accruedUntil),
        sql`${deployments.status} in ('active', 'pausing')`,
        gt(deployments.updatedAt, sql`${costMeters.accruedUntil} - ${`${GRACE_MS} milliseconds`}::interval`),
      ),
    );
  const users = new Set<string>();
  let count = 0;
  for (const d of rows) {
    const mark = d.accruedUntil ?? d.createdAt;
    const from = new Date(Math.max(d.createdAt.getTime(), mark.getTime() - GRACE_MS));
    if (from >= now) continue;
    const timeline = await db
      .select({ toStatus: deploymentEvents.toStatus, at: deploymentEvents.createdAt })
      .from(deploymentEvents)
      .where(eq(deploymentEvents.deploymentId, d.id))
      .orderBy(asc(deploymentEvents.createdAt), asc(deploymentEvents.id));
    const lines = deploymentLines(
      { id: d.id, hourlyCents: d.hourlyCents, replicas: d.config.scaling.minReplicas },
      timeline,
      from,
      now,
    );
    const changed = await db.transaction(async (tx) => {
      await lockUserCosts(tx, d.userId);
      const delta = await writeCostLinesIn(tx, d.userId, lines);
      await tx
        .insert(costMeters)
        .values({ key: meterKey(d.id), accruedUntil: now })
        .onConflictDoUpdate({
          target: costMeters.key,
          set: { accruedUntil: sql`greatest(${costMeters.accruedUntil}, excluded.accrued_until)` },
        });
      return delta;
    });
    count += lines.length;
    if (changed !== 0) users.add(d.userId);
  }
  return { userIds: [...users], lines: count };
}

/** The deployments a user has billed right now, for the forecast (and the hard limit's pause). */
export function billedDeploymentsOf(db: Db, userId: string) {
  return db
    .select({ id: deployments.id, name: deployments.name, status: deployments.status, hourlyCents: deployments.hourlyCents, config: deployments.config })
    .from(deployments)
    .where(and(eq(deployments.userId, userId), sql`${deployments.status} in ('active', 'pausing')`));
}
