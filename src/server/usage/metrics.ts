/**
 * usage.metrics: a deployment's requests, latency percentiles, tokens and error rate per bucket,
 * computed in PostgreSQL (date_bin + percentile_cont) over usage_records' (deployment_id, created_at) index.
 */
import "server-only";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { type DeploymentMetrics, fillBuckets, type MetricBucket, type MetricRange, type MetricTotals, rangeWindow } from "@/lib/gateway/metrics";
import { usageRecords } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";
import { ownsDeployment } from "./owned-deployment";

const u = usageRecords;
const isError = sql`(${u.status} >= 400 or ${u.errorCode} is not null)`;

/** The aggregate columns both queries share. */
function aggregates() {
  return {
    requests: sql<number>`count(*)::int`,
    errors: sql<number>`(count(*) filter (where ${isError}))::int`,
    p50Ms: sql<number | null>`percentile_cont(0.5) within group (order by ${u.totalMs})`,
    p95Ms: sql<number | null>`percentile_cont(0.95) within group (order by ${u.totalMs})`,
    ttftP50Ms: sql<number | null>`percentile_cont(0.5) within group (order by ${u.ttftMs})`,
    promptTokens: sql<number>`coalesce(sum(${u.promptTokens}), 0)::bigint`,
    completionTokens: sql<number>`coalesce(sum(${u.completionTokens}), 0)::bigint`,
  };
}

const num = (v: unknown): number => Number(v ?? 0);
const ms = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

export async function deploymentMetrics(
  db: DbOrTx,
  userId: string,
  deploymentId: string,
  range: MetricRange,
  now = new Date(),
): Promise<DeploymentMetrics | null> {
  if (!(await ownsDeployment(db, userId, deploymentId))) return null;
  const { from, to, bucketSeconds } = rangeWindow(range, now);
  const where: SQL | undefined = and(eq(u.deploymentId, deploymentId), eq(u.userId, userId), gte(u.createdAt, from), lt(u.createdAt, to));
  const bucket = sql<Date>`date_bin(${`${bucketSeconds} seconds`}::interval, ${u.createdAt}, timestamptz '1970-01-01 00:00:00+00')`;
  const [rows, [total]] = await Promise.all([
    db.select({ start: bucket, ...aggregates() }).from(u).where(where).groupBy(sql`1`).orderBy(sql`1`),
    db.select(aggregates()).from(u).where(where),
  ]);
  const measured: MetricBucket[] = rows.map((r) => {
    const requests = num(r.requests);
    const errors = num(r.errors);
    return {
      start: new Date(r.start),
      requests,
      requestsPerMinute: Math.round((requests / (bucketSeconds / 60)) * 100) / 100,
      errors,
      errorRate: requests ? errors / requests : 0,
      p50Ms: ms(r.p50Ms),
      p95Ms: ms(r.p95Ms),
      ttftP50Ms: ms(r.ttftP50Ms),
      promptTokens: num(r.promptTokens),
      completionTokens: num(r.completionTokens),
    };
  });
  const requests = num(total?.requests);
  const errors = num(total?.errors);
  const totals: MetricTotals = {
    requests,
    errors,
    errorRate: requests ? errors / requests : 0,
    p50Ms: ms(total?.p50Ms),
    p95Ms: ms(total?.p95Ms),
    promptTokens: num(total?.promptTokens),
    completionTokens: num(total?.completionTokens),
  };
  return { range, bucketSeconds, from, to, buckets: fillBuckets(measured, from, to, bucketSeconds), totals };
}
