/**
 * A job's time series as the monitor polls them: metrics points since a step, log lines since a
 * cursor, and the checkpoints with the best one marked. Callers check ownership first (ownsTrainingJob).
 */
import "server-only";
import { and, asc, eq, gt, gte } from "drizzle-orm";
import { trainingCheckpoints, trainingLogs, trainingMetrics } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import type { MetricsPoint, TrainingCheckpointItem, TrainingLogPage } from "./view";

/** The most points one call returns (the chart asks again with afterStep for more). */
export const MAX_METRICS_POINTS = 10_000;
/** Log lines per page. */
export const LOG_PAGE = 500;

export async function metricsSince(db: DbOrTx, jobId: string, afterStep = 0): Promise<MetricsPoint[]> {
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
      at: m.at,
    })
    .from(m)
    .where(and(eq(m.jobId, jobId), gt(m.step, afterStep)))
    .orderBy(asc(m.step))
    .limit(MAX_METRICS_POINTS);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** A log cursor is the position of the next line to read, as text; null when it is not one of ours. */
export function parseLogCursor(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined || cursor === "") return 0;
  return /^\d{1,9}$/.test(cursor) ? Number(cursor) : null;
}

export async function logsSince(db: DbOrTx, jobId: string, from: number): Promise<TrainingLogPage> {
  const l = trainingLogs;
  const rows = await db
    .select({ seq: l.seq, at: l.at, level: l.level, message: l.message })
    .from(l)
    .where(and(eq(l.jobId, jobId), gte(l.seq, from)))
    .orderBy(asc(l.seq))
    .limit(LOG_PAGE + 1);
  const hasMore = rows.length > LOG_PAGE;
  const page = hasMore ? rows.slice(0, LOG_PAGE) : rows;
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.seq, at: r.at.toISOString(), level: r.level, message: r.message })),
    nextCursor: last ? String(last.seq + 1) : from > 0 ? String(from) : null,
    hasMore,
  };
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
  const rows = await db.select().from(trainingCheckpoints).where(eq(trainingCheckpoints.jobId, jobId)).orderBy(asc(trainingCheckpoints.step));
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
