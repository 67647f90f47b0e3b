/** costs.summary: the month so far (from the daily rollup), the forecast from what runs now, and the budget. */
import "server-only";
import { and, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { budgetStatus } from "@/lib/costs/budget";
import { forecastCents } from "@/lib/costs/forecast";
import { billingPeriodOf, dayOf, monthStart, nextMonthStart } from "@/lib/costs/period";
import { ARTIFACT_PREPAID_MS, storageMicroPerDay } from "@/lib/costs/storage";
import { COST_TYPES, type CostType, centsToMicro, microToCents } from "@/lib/costs/types";
import { costDaily, datasets, deployments, LIVE_TRAINING_SQL, modelArtifacts, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { budgetOf, type BudgetView } from "./budget";

export interface CostsSummary {
  period: string;
  periodStart: Date;
  periodEnd: Date;
  spentCents: number;
  forecastCents: number;
  byType: Record<CostType, number>;
  running: { deployments: number; trainingJobs: number; hourlyCents: number };
  budget: BudgetView;
}

async function storedBytes(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const [files, artifacts] = await Promise.all([
    db
      .select({ bytes: sql<string | null>`sum(${datasets.fileSize})` })
      .from(datasets)
      .where(and(eq(datasets.userId, userId), isNull(datasets.deletedAt), isNotNull(datasets.uploadedAt))),
    db
      .select({
        bytes: sql<string | null>`sum((select coalesce(sum((f->>'size')::bigint), 0) from jsonb_array_elements(${modelArtifacts.files}) f))`,
      })
      .from(modelArtifacts)
      .where(
        and(
          eq(modelArtifacts.userId, userId),
          isNull(modelArtifacts.deletedAt),
          lt(modelArtifacts.createdAt, new Date(now.getTime() - ARTIFACT_PREPAID_MS)),
        ),
      ),
  ]);
  return Number(files[0]?.bytes ?? 0) + Number(artifacts[0]?.bytes ?? 0);
}

export async function costsSummary(db: DbOrTx, userId: string, now = new Date()): Promise<CostsSummary> {
  const start = monthStart(now);
  const end = nextMonthStart(now);
  const [byTypeRows, budget, running, live, bytes] = await Promise.all([
    db
      .select({ type: costDaily.type, total: sql<string>`sum(${costDaily.amount})` })
      .from(costDaily)
      .where(and(eq(costDaily.userId, userId), gte(costDaily.day, dayOf(start)), lt(costDaily.day, dayOf(end))))
      .groupBy(costDaily.type),
    budgetOf(db, userId),
    db
      .select({ hourlyCents: deployments.hourlyCents, config: deployments.config })
      .from(deployments)
      .where(and(eq(deployments.userId, userId), sql`${deployments.status} in ('active', 'pausing')`)),
    db
      .select({
        estimatedTotalCents: trainingJobs.estimatedTotalCents,
        costSoFarCents: trainingJobs.costSoFarCents,
        startedAt: trainingJobs.startedAt,
        estimatedCompletionAt: trainingJobs.estimatedCompletionAt,
      })
      .from(trainingJobs)
      .where(and(eq(trainingJobs.userId, userId), LIVE_TRAINING_SQL)),
    storedBytes(db, userId, now),
  ]);
  const byTypeMicro = Object.fromEntries(COST_TYPES.map((t) => [t, 0])) as Record<CostType, number>;
  for (const r of byTypeRows) byTypeMicro[r.type] = Number(r.total);
  const spentMicro = Object.values(byTypeMicro).reduce((a, b) => a + b, 0);
  const hourlyCents = running.reduce((sum, d) => sum + d.hourlyCents * d.config.scaling.minReplicas, 0);
  const forecast = forecastCents(
    spentMicro,
    {
      deploymentHourlyCents: hourlyCents,
      trainingJobs: live.map((j) => ({
        remainingMicro: centsToMicro(Math.max(0, j.estimatedTotalCents - j.costSoFarCents)),
        startedAt: j.startedAt,
        expectedEndAt: j.estimatedCompletionAt,
      })),
      storageMicroPerDay: storageMicroPerDay(bytes),
    },
    now,
    end,
  );
  return {
    period: billingPeriodOf(now),
    periodStart: start,
    periodEnd: end,
    spentCents: microToCents(spentMicro),
    forecastCents: forecast,
    byType: Object.fromEntries(COST_TYPES.map((t) => [t, microToCents(byTypeMicro[t])])) as Record<CostType, number>,
    running: { deployments: running.length, trainingJobs: live.length, hourlyCents },
    budget: { ...budgetStatus(spentMicro, budget), period: billingPeriodOf(now) },
  };
}
