/**
 * The storage meter: once a UTC day has ended, every dataset and artifact stored during it gets its
 * line for that day (src/lib/costs/storage.ts), one transaction per user, and the mark moves to the
 * next day. The first run starts with the day it runs in; a missed run catches up (up to 31 days).
 */
import "server-only";
import { and, gt, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { floorDay, DAY_MS } from "@/lib/costs/period";
import { ARTIFACT_PREPAID_MS, type StoredResource, storageLines } from "@/lib/costs/storage";
import type { CostLine } from "@/lib/costs/types";
import { costMeters, datasets, modelArtifacts } from "@/server/db/schema";
import type { Db } from "@/server/db/types";
import type { AccrualResult } from "./accrue-deployments";
import { lockUserCosts, writeCostLinesIn } from "./ledger";

const METER = "storage";
const MAX_DAYS = 31;

type Owned = StoredResource & { userId: string };

async function storedDuring(db: Db, dayStart: Date): Promise<Owned[]> {
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const files = await db
    .select({
      id: datasets.id,
      userId: datasets.userId,
      bytes: datasets.fileSize,
      from: datasets.uploadedAt,
      until: datasets.deletedAt,
    })
    .from(datasets)
    .where(
      and(
        isNotNull(datasets.uploadedAt),
        lt(datasets.uploadedAt, dayEnd),
        or(isNull(datasets.deletedAt), gt(datasets.deletedAt, dayStart)),
      ),
    );
  const prepaidBefore = new Date(dayEnd.getTime() - ARTIFACT_PREPAID_MS);
  const artifacts = await db
    .select({
      id: modelArtifacts.id,
      userId: modelArtifacts.userId,
      bytes: sql<number>`coalesce((select sum((f->>'size')::bigint) from jsonb_array_elements(${modelArtifacts.files}) f), 0)::float8`,
      createdAt: modelArtifacts.createdAt,
      until: modelArtifacts.deletedAt,
    })
    .from(modelArtifacts)
    .where(
      and(
        lt(modelArtifacts.createdAt, prepaidBefore),
        or(isNull(modelArtifacts.deletedAt), gt(modelArtifacts.deletedAt, dayStart)),
      ),
    );
  return [
    ...files.flatMap((f) =>
      f.from ? [{ resourceType: "dataset" as const, id: f.id, userId: f.userId, bytes: f.bytes, from: f.from, until: f.until }] : [],
    ),
    ...artifacts.map((a) => ({
      resourceType: "artifact" as const,
      id: a.id,
      userId: a.userId,
      bytes: Number(a.bytes),
      from: new Date(a.createdAt.getTime() + ARTIFACT_PREPAID_MS),
      until: a.until,
    })),
  ];
}

export async function accrueStorage(db: Db, now = new Date()): Promise<AccrualResult> {
  const today = floorDay(now);
  const [mark] = await db.select().from(costMeters).where(sql`${costMeters.key} = ${METER}`);
  let day = mark ? floorDay(mark.accruedUntil) : today;
  day = new Date(Math.max(day.getTime(), today.getTime() - MAX_DAYS * DAY_MS));
  const users = new Set<string>();
  let count = 0;
  for (; day < today; day = new Date(day.getTime() + DAY_MS)) {
    const owned = await storedDuring(db, day);
    const owners = new Map(owned.map((o) => [o.id, o.userId]));
    const perUser = new Map<string, CostLine[]>();
    for (const line of storageLines(owned, day)) {
      const owner = owners.get(line.resourceId);
      if (!owner) continue;
      perUser.set(owner, [...(perUser.get(owner) ?? []), line]);
    }
    for (const [userId, lines] of perUser) {
      const delta = await db.transaction(async (tx) => {
        await lockUserCosts(tx, userId);
        return writeCostLinesIn(tx, userId, lines);
      });
      count += lines.length;
      if (delta !== 0) users.add(userId);
    }
  }
  await db
    .insert(costMeters)
    .values({ key: METER, accruedUntil: today })
    .onConflictDoUpdate({ target: costMeters.key, set: { accruedUntil: sql`greatest(${costMeters.accruedUntil}, excluded.accrued_until)` } });
  return { userIds: [...users], lines: count };
}
