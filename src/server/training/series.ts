/**
 * A job's time series as the monitor polls them: metrics points since a step, log lines since a
 * cursor (each in one query that checks the owner too), and the checkpoints with the best one marked.
 */
import "server-only";
import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { trainingCheckpoints, trainingJobs, trainingLogs, trainingMetrics } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { MetricsPoint, TrainingCheckpointItem, TrainingLogPage } from "./view";

/** The most points one call returns (the chart asks again with afterStep for more). */
export const MAX_METRICS_POINTS = 10_000;
/** Log lines per page. */
export const LOG_PAGE = 500;

/** A timestamp as ISO 8601 text made by PostgreSQL: no Date per row on the way out. */
const iso = (column: AnyPgColumn) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const finite = (x: number | null) => x === null || Number.isFinite(x);

/**
 * The user's job's points after `afterStep`, in step order; null when the job is not theirs. One
 * query: the job, left-joined to its points (a job without new points is one row of nulls).
 */
export async function metricsFor(
  db: DbOrTx,
  userId: string,
  jobId: string,
  afterStep = 0,
): Promise<MetricsPoint[] | null> {
  const m = trainingMetrics;
  const rows = await db
    .select({
      step: m.step,
      epoch: m.epoch,
      trainingLoss: m.trainingLoss,
      validationLoss: m.validationLoss,
      learningRate: m.learningRate,
      gradientNorm: m.gradientNorm,
      throughput: m.throughput,
      gpuUtilization: m.gpuUtilization,
      at: iso(m.at),
    })
    .from(trainingJobs)
    .leftJoin(m, and(eq(m.jobId, trainingJobs.id), gt(m.step, afterStep)))
    .where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.userId, userId)))
    .orderBy(asc(m.step))
    .limit(MAX_METRICS_POINTS);
  if (rows.length === 0) return null;
  const points: MetricsPoint[] = [];
  for (const r of rows) {
    if (r.step === null || r.epoch === null || r.trainingLoss === null || r.learningRate === null) continue;
    points.push({ ...r, step: r.step, epoch: r.epoch, trainingLoss: r.trainingLoss, learningRate: r.learningRate });
  }
  return points;
}

/** True when every number is finite: the points can go out as plain JSON (asPlainJson). */
export function isPlainSeries(points: readonly MetricsPoint[]): boolean {
  return points.every(
    (p) =>
      Number.isFinite(p.trainingLoss) &&
      Number.isFinite(p.learningRate) &&
      finite(p.validationLoss) &&
      finite(p.gradientNorm) &&
      finite(p.throughput) &&
      finite(p.gpuUtilization),
  );
}

/** A log cursor is the position of the next line to read, as text; null when it is not one of ours. */
export function parseLogCursor(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined || cursor === "") return 0;
  return /^\d{1,9}$/.test(cursor) ? Number(cursor) : null;
}

/** The user's job's log lines from `from` on, a page; null when the job is not theirs (one query, as metricsFor). */
export async function logsFor(
  db: DbOrTx,
  userId: string,
  jobId: string,
  from: number,
): Promise<TrainingLogPage | null> {
  const l = trainingLogs;
  const rows = await db
    .select({ seq: l.seq, at: iso(l.at), level: l.level, message: l.message })
    .from(trainingJobs)
    .leftJoin(l, and(eq(l.jobId, trainingJobs.id), gte(l.seq, from)))
    .where(and(eq(trainingJobs.id, jobId), eq(trainingJobs.userId, userId)))
    .orderBy(asc(l.seq))
    .limit(LOG_PAGE + 1);
  if (rows.length === 0) return null;
  const lines = rows.flatMap((r) =>
    r.seq === null || r.level === null || r.message === null
      ? []
      : [{ id: r.seq, at: r.at, level: r.level, message: r.message }],
  );
  const hasMore = lines.length > LOG_PAGE;
  const page = hasMore ? lines.slice(0, LOG_PAGE) : lines;
  const last = page.at(-1);
  return { items: page, nextCursor: last ? String(last.id + 1) : from > 0 ? String(from) : null, hasMore };
}

/** The checkpoint to keep: lowest validation loss, else (none evaluated) lowest training loss; earliest on a tie. */
export function bestCheckpointId(
  rows: readonly { id: string; step: number; trainingLoss: number | null; validationLoss: number | null }[],
): string | null {
  const pick = (key: "validationLoss" | "trainingLoss") => {
    let best: (typeof rows)[number] | null = null;
    for (const r of rows) {
      const v = r[key];
      if (v === null || !Number.isFinite(v)) continue;
      const b = best?.[key];
      if (best === null || b === null || b === undefined || v < b || (v === b && r.step < best.step)) best = r;
    }
    return best?.id ?? null;
  };
  return pick("validationLoss") ?? pick("trainingLoss");
}

export async function checkpointsOf(db: DbOrTx, jobId: string): Promise<TrainingCheckpointItem[]> {
  const rows = await db
    .select()
    .from(trainingCheckpoints)
    .where(eq(trainingCheckpoints.jobId, jobId))
    .orderBy(asc(trainingCheckpoints.step));
  const best = bestCheckpointId(rows);
  return rows.map((r) => ({
    id: r.id,
    step: r.step,
    epoch: r.epoch,
    trainingLoss: r.trainingLoss,
    validationLoss: r.validationLoss,
    best: r.id === best,
    final: r.isFinal,
    files: r.files.map((f) => ({ name: f.name, size: f.size })),
    createdAt: r.createdAt,
  }));
}
