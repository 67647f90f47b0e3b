/** costs.records and costs.exportCsv: the caller's ledger lines, newest first, with their resources' names. */
import "server-only";
import { and, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { CostResourceType, CostType } from "@/lib/costs/types";
import { microToCents } from "@/lib/costs/types";
import { costRecords, datasets, deployments, modelArtifacts, trainingJobs } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { decodePageCursor, encodePageCursor } from "@/server/training/page-cursor";

export interface RecordFilters {
  type?: CostType;
  resourceType?: CostResourceType;
  resourceId?: string;
  /** periodStart ≥ from */
  from?: Date;
  /** periodStart < to */
  to?: Date;
}

export interface CostRecordView {
  id: string;
  type: CostType;
  amountCents: number;
  /** Exact: 1 cent = 1,000,000. */
  amountMicroCents: number;
  resourceType: CostResourceType;
  resourceId: string;
  /** Null when the resource is gone. */
  resourceName: string | null;
  details: (typeof costRecords.$inferSelect)["details"];
  billingPeriod: string;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
}

function where(userId: string, f: RecordFilters): SQL | undefined {
  return and(
    eq(costRecords.userId, userId),
    f.type ? eq(costRecords.type, f.type) : undefined,
    f.resourceType ? eq(costRecords.resourceType, f.resourceType) : undefined,
    f.resourceId ? eq(costRecords.resourceId, f.resourceId) : undefined,
    f.from ? gte(costRecords.periodStart, f.from) : undefined,
    f.to ? lt(costRecords.periodStart, f.to) : undefined,
  );
}

/** The names of the user's resources among `refs`, keyed "type:id". */
export async function resourceNames(
  db: DbOrTx,
  userId: string,
  refs: ReadonlyArray<{ resourceType: CostResourceType; resourceId: string }>,
): Promise<Map<string, string>> {
  const ids = (t: CostResourceType) => [...new Set(refs.filter((r) => r.resourceType === t).map((r) => r.resourceId))];
  const tables = [
    { type: "deployment" as const, table: deployments },
    { type: "training_job" as const, table: trainingJobs },
    { type: "dataset" as const, table: datasets },
    { type: "artifact" as const, table: modelArtifacts },
  ];
  const names = new Map<string, string>();
  await Promise.all(
    tables.map(async ({ type, table }) => {
      const wanted = ids(type);
      if (wanted.length === 0) return;
      const rows = await db
        .select({ id: table.id, name: table.name })
        .from(table)
        .where(and(eq(table.userId, userId), inArray(table.id, wanted)));
      for (const r of rows) names.set(`${type}:${r.id}`, r.name);
    }),
  );
  return names;
}

export async function listCostRecords(
  db: DbOrTx,
  userId: string,
  input: RecordFilters & { cursor?: string | null; limit: number },
): Promise<{ items: CostRecordView[]; nextCursor: string | null } | null> {
  let after: SQL | undefined;
  if (input.cursor) {
    const pos = decodePageCursor(input.cursor);
    if (!pos) return null;
    after = or(
      lt(costRecords.periodStart, pos.createdAt),
      and(eq(costRecords.periodStart, pos.createdAt), lt(costRecords.id, pos.id)),
    );
  }
  const rows = await db
    .select()
    .from(costRecords)
    .where(and(where(userId, input), after))
    .orderBy(desc(costRecords.periodStart), desc(costRecords.id))
    .limit(input.limit + 1);
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  const names = await resourceNames(db, userId, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      type: r.type,
      amountCents: microToCents(r.amount),
      amountMicroCents: r.amount,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      resourceName: names.get(`${r.resourceType}:${r.resourceId}`) ?? null,
      details: r.details,
      billingPeriod: r.billingPeriod,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      createdAt: r.createdAt,
    })),
    nextCursor: more && last ? encodePageCursor({ createdAt: last.periodStart, id: last.id }) : null,
  };
}

export const EXPORT_MAX_ROWS = 50_000;

/** Every matching line (up to EXPORT_MAX_ROWS), newest first, for the CSV. */
export async function exportCostRecords(db: DbOrTx, userId: string, filters: RecordFilters) {
  const rows = await db
    .select({
      periodStart: costRecords.periodStart,
      periodEnd: costRecords.periodEnd,
      billingPeriod: costRecords.billingPeriod,
      type: costRecords.type,
      resourceType: costRecords.resourceType,
      resourceId: costRecords.resourceId,
      amountMicro: costRecords.amount,
      details: costRecords.details,
    })
    .from(costRecords)
    .where(where(userId, filters))
    .orderBy(desc(costRecords.periodStart), desc(costRecords.id))
    .limit(EXPORT_MAX_ROWS + 1);
  const truncated = rows.length > EXPORT_MAX_ROWS;
  const kept = truncated ? rows.slice(0, EXPORT_MAX_ROWS) : rows;
  const names = await resourceNames(db, userId, kept);
  return {
    rows: kept.map((r) => ({ ...r, resourceName: names.get(`${r.resourceType}:${r.resourceId}`) ?? null })),
    truncated,
  };
}

