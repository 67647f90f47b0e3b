/**
 * The one writer of cost_records and cost_daily. Lines come from the accrual modules (src/lib/costs)
 * keyed by what they cover; writing a line whose key exists replaces its amount (a re-run computes
 * the same figure, a later run the same or a larger one) and keeps its period start, so its day and
 * month never move. cost_daily changes by the difference, in the same transaction, under a per-user
 * advisory lock so two writers for one user cannot both read the old amount.
 */
import "server-only";
import { inArray, sql } from "drizzle-orm";
import { billingPeriodOf, dayOf } from "@/lib/costs/period";
import type { CostLine } from "@/lib/costs/types";
import { costDaily, costRecords } from "@/server/db/schema";
import type { Db, DbOrTx } from "@/server/db/types";

/** Serializes a user's ledger writes and budget checks (taken inside a transaction). */
export async function lockUserCosts(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`costs:${userId}`}))`);
}

/** Writes the lines inside the caller's transaction (which must hold lockUserCosts); returns the change in micro-cents. */
export async function writeCostLinesIn(tx: DbOrTx, userId: string, lines: readonly CostLine[]): Promise<number> {
  if (lines.length === 0) return 0;
  const existing = await tx
    .select({
      key: costRecords.idempotencyKey,
      userId: costRecords.userId,
      amount: costRecords.amount,
      periodStart: costRecords.periodStart,
    })
    .from(costRecords)
    .where(
      inArray(
        costRecords.idempotencyKey,
        lines.map((l) => l.idempotencyKey),
      ),
    );
  const byKey = new Map(existing.map((e) => [e.key, e]));
  const deltas = new Map<string, { day: string; line: CostLine; delta: number }>();
  let total = 0;
  const inserts: Array<typeof costRecords.$inferInsert> = [];
  for (const line of lines) {
    const old = byKey.get(line.idempotencyKey);
    if (!old && line.amountMicro === 0) continue;
    if (old && old.userId !== userId) throw new Error(`cost line ${line.idempotencyKey} belongs to another user`);
    const delta = line.amountMicro - Number(old?.amount ?? 0);
    const start = old?.periodStart ?? line.periodStart;
    if (!old) {
      inserts.push({
        userId,
        type: line.type,
        amount: line.amountMicro,
        details: line.details,
        resourceType: line.resourceType,
        resourceId: line.resourceId,
        billingPeriod: billingPeriodOf(start),
        periodStart: start,
        periodEnd: line.periodEnd,
        idempotencyKey: line.idempotencyKey,
      });
    } else if (delta !== 0) {
      await tx
        .update(costRecords)
        .set({ amount: line.amountMicro, details: line.details, periodEnd: line.periodEnd, updatedAt: sql`now()` })
        .where(sql`${costRecords.idempotencyKey} = ${line.idempotencyKey}`);
    }
    if (delta === 0) continue;
    total += delta;
    const day = dayOf(start);
    const k = `${day}|${line.type}|${line.resourceType}|${line.resourceId}`;
    const d = deltas.get(k);
    if (d) d.delta += delta;
    else deltas.set(k, { day, line, delta });
  }
  for (let i = 0; i < inserts.length; i += 500) await tx.insert(costRecords).values(inserts.slice(i, i + 500));
  const rollup = [...deltas.values()].filter((d) => d.delta !== 0);
  if (rollup.length > 0) {
    await tx
      .insert(costDaily)
      .values(
        rollup.map((d) => ({
          userId,
          day: d.day,
          type: d.line.type,
          resourceType: d.line.resourceType,
          resourceId: d.line.resourceId,
          amount: d.delta,
        })),
      )
      .onConflictDoUpdate({
        target: [costDaily.userId, costDaily.day, costDaily.type, costDaily.resourceType, costDaily.resourceId],
        set: { amount: sql`${costDaily.amount} + excluded.amount` },
      });
  }
  return total;
}

/** Writes one user's lines in a transaction of their own. */
export function writeCostLines(db: Db, userId: string, lines: readonly CostLine[]): Promise<number> {
  if (lines.length === 0) return Promise.resolve(0);
  return db.transaction(async (tx) => {
    await lockUserCosts(tx, userId);
    return writeCostLinesIn(tx, userId, lines);
  });
}
