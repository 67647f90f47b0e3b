/** Figures and axis labels for the Metrics tab, and the rows its charts draw. */
import type { MetricBucket, MetricRange } from "@/lib/gateway/metrics";

export const RANGE_LABELS: Record<MetricRange, string> = { "1h": "1 hour", "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** "—" without a value, "85 ms" under a second, "1.25 s" above. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A 0..1 rate as a percentage: "0%", "0.4%", "12%", "100%". */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  if (pct === 0 || pct >= 10) return `${Math.round(pct)}%`;
  return `${Number(pct.toFixed(1))}%`;
}

/** 1234567 → "1.2M": stat cards and axis ticks; exact figures go in titles. */
export function compact(n: number): string {
  return new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** A bucket start as the axis shows it for the range: a clock time for hours, a day (and hour) beyond. */
export function bucketLabel(start: Date | number, range: MetricRange): string {
  const d = new Date(start);
  if (range === "1h" || range === "24h") return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  if (range === "7d") return `${d.toLocaleDateString("en-GB", { weekday: "short" })} ${d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}`;
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short" });
}

export interface ChartRow {
  t: number;
  requestsPerMinute: number;
  p50Ms: number | null;
  p95Ms: number | null;
  promptTokens: number;
  completionTokens: number;
  /** Percent, null without requests (a gap rather than a misleading 0%). */
  errorPercent: number | null;
}

export function chartRows(buckets: MetricBucket[]): ChartRow[] {
  return buckets.map((b) => ({
    t: b.start.getTime(),
    requestsPerMinute: b.requestsPerMinute,
    p50Ms: b.p50Ms,
    p95Ms: b.p95Ms,
    promptTokens: b.promptTokens,
    completionTokens: b.completionTokens,
    errorPercent: b.requests ? b.errorRate * 100 : null,
  }));
}
