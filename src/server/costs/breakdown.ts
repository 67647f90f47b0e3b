/**
 * costs.breakdown over a range of UTC days (both ends included), from the daily rollup: totals by
 * type, by resource (largest first), and a series with every day of the range and each type's cents.
 */
import "server-only";
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { DAY_MS, dayOf } from "@/lib/costs/period";
import { COST_TYPES, type CostResourceType, type CostType, microToCents } from "@/lib/costs/types";
import { costDaily } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { resourceNames } from "./records";

export const BREAKDOWN_RESOURCES = 50;

export type DailyCosts = { day: string; totalCents: number } & Record<CostType, number>;

export interface CostsBreakdown {
  from: string;
  to: string;
  totalCents: number;
  byType: Array<{ type: CostType; cents: number }>;
  byResource: Array<{
    resourceType: CostResourceType;
    resourceId: string;
    name: string | null;
    cents: number;
    byType: Record<CostType, number>;
  }>;
  daily: DailyCosts[];
}

const zeroTypes = () => Object.fromEntries(COST_TYPES.map((t) => [t, 0])) as Record<CostType, number>;

export async function costsBreakdown(db: DbOrTx, userId: string, from: string, to: string): Promise<CostsBreakdown> {
  const range = and(eq(costDaily.userId, userId), gte(costDaily.day, from), lte(costDaily.day, to));
  const amount = sql<string>`sum(${costDaily.amount})`;
  const [perDay, perResource] = await Promise.all([
    db
      .select({ day: costDaily.day, type: costDaily.type, total: amount })
      .from(costDaily)
      .where(range)
      .groupBy(costDaily.day, costDaily.type),
    db
      .select({ resourceType: costDaily.resourceType, resourceId: costDaily.resourceId, type: costDaily.type, total: amount })
      .from(costDaily)
      .where(range)
      .groupBy(costDaily.resourceType, costDaily.resourceId, costDaily.type),
  ]);

  const days = new Map<string, Record<CostType, number>>();
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.set(dayOf(new Date(t)), zeroTypes());
  const typeMicro = zeroTypes();
  for (const r of perDay) {
    const micro = Number(r.total);
    typeMicro[r.type] += micro;
    const d = days.get(r.day);
    if (d) d[r.type] += micro;
  }
  const resources = new Map<string, { resourceType: CostResourceType; resourceId: string; micro: Record<CostType, number> }>();
  for (const r of perResource) {
    const k = `${r.resourceType}:${r.resourceId}`;
    const entry = resources.get(k) ?? { resourceType: r.resourceType, resourceId: r.resourceId, micro: zeroTypes() };
    entry.micro[r.type] += Number(r.total);
    resources.set(k, entry);
  }
  const sum = (m: Record<CostType, number>) => COST_TYPES.reduce((a, t) => a + m[t], 0);
  const top = [...resources.values()].sort((a, b) => sum(b.micro) - sum(a.micro)).slice(0, BREAKDOWN_RESOURCES);
  const names = await resourceNames(db, userId, top);
  const cents = (m: Record<CostType, number>) =>
    Object.fromEntries(COST_TYPES.map((t) => [t, microToCents(m[t])])) as Record<CostType, number>;
  return {
    from,
    to,
    totalCents: microToCents(sum(typeMicro)),
    byType: COST_TYPES.map((type) => ({ type, cents: microToCents(typeMicro[type]) })),
    byResource: top.map((r) => ({
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      name: names.get(`${r.resourceType}:${r.resourceId}`) ?? null,
      cents: microToCents(sum(r.micro)),
      byType: cents(r.micro),
    })),
    daily: [...days].map(([day, m]) => ({ day, totalCents: microToCents(sum(m)), ...cents(m) })),
  };
}
