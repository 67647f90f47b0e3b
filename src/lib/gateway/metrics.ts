/**
 * The deployment page's Metrics tab: the ranges it offers, the bucket each is drawn with, and the
 * filling-in of buckets without requests (PostgreSQL returns only the buckets that have rows).
 */
export const METRIC_RANGES = ["1h", "24h", "7d", "30d"] as const;
export type MetricRange = (typeof METRIC_RANGES)[number];

const MINUTE = 60;
export const RANGE_SECONDS: Record<MetricRange, number> = { "1h": 3600, "24h": 86_400, "7d": 7 * 86_400, "30d": 30 * 86_400 };
/** 60, 96, 84 and 60 points: enough to see a shape, few enough to draw. */
export const BUCKET_SECONDS: Record<MetricRange, number> = { "1h": MINUTE, "24h": 15 * MINUTE, "7d": 120 * MINUTE, "30d": 720 * MINUTE };

export interface MetricBucket {
  /** Start of the bucket (buckets are aligned to the Unix epoch). */
  start: Date;
  requests: number;
  /** Requests per minute over the bucket. */
  requestsPerMinute: number;
  /** Requests answered with a status ≥ 400 or failed mid-stream. */
  errors: number;
  /** errors / requests, 0 when there were none. */
  errorRate: number;
  /** Total time, milliseconds; null without requests. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Time to first token, milliseconds; null when none came. */
  ttftP50Ms: number | null;
  promptTokens: number;
  completionTokens: number;
}

export interface MetricTotals {
  requests: number;
  errors: number;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  promptTokens: number;
  completionTokens: number;
}

export interface DeploymentMetrics {
  range: MetricRange;
  bucketSeconds: number;
  from: Date;
  to: Date;
  buckets: MetricBucket[];
  totals: MetricTotals;
}

/** [from, to): `to` is the end of the bucket holding `now`, `from` one range earlier. */
export function rangeWindow(range: MetricRange, now: Date): { from: Date; to: Date; bucketSeconds: number } {
  const bucketSeconds = BUCKET_SECONDS[range];
  const bucketMs = bucketSeconds * 1000;
  const to = new Date(Math.floor(now.getTime() / bucketMs) * bucketMs + bucketMs);
  return { from: new Date(to.getTime() - RANGE_SECONDS[range] * 1000), to, bucketSeconds };
}

export function emptyBucket(start: Date): MetricBucket {
  return {
    start,
    requests: 0,
    requestsPerMinute: 0,
    errors: 0,
    errorRate: 0,
    p50Ms: null,
    p95Ms: null,
    ttftP50Ms: null,
    promptTokens: 0,
    completionTokens: 0,
  };
}

/** Every bucket from `from` to `to`, in order, taking the measured ones where they exist. */
export function fillBuckets(measured: MetricBucket[], from: Date, to: Date, bucketSeconds: number): MetricBucket[] {
  const byStart = new Map(measured.map((b) => [b.start.getTime(), b]));
  const out: MetricBucket[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += bucketSeconds * 1000) out.push(byStart.get(t) ?? emptyBucket(new Date(t)));
  return out;
}
