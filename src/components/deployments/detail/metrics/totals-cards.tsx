import type { MetricTotals } from "@/lib/gateway/metrics";
import { compact, formatMs, formatRate } from "./metric-format";

function Stat(props: { label: string; value: string; raw: number | null; title?: string; detail?: string; testId: string }) {
  const { label, value, title, detail, testId } = props;
  return (
    // data-value: the unformatted figure, for tests that compare numbers rather than "1.2K".
    <div className="flex min-w-0 flex-col gap-1 rounded-xl border bg-card p-4" data-testid={testId} data-value={props.raw ?? ""}>
      <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" title={title}>
        {value}
      </dd>
      {detail ? <dd className="truncate text-xs text-muted-foreground">{detail}</dd> : null}
    </div>
  );
}

/** The range's totals: requests, error rate, p50 / p95 latency, tokens in and out. */
export function TotalsCards({ totals }: { totals: MetricTotals }) {
  const tokens = totals.promptTokens + totals.completionTokens;
  return (
    <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Stat label="Requests" value={compact(totals.requests)} raw={totals.requests} title={totals.requests.toLocaleString("en")} testId="metric-requests" />
      <Stat
        label="Error rate"
        value={formatRate(totals.errorRate)}
        raw={totals.errorRate}
        detail={`${totals.errors.toLocaleString("en")} failed`}
        testId="metric-error-rate"
      />
      <Stat label="Latency p50" value={formatMs(totals.p50Ms)} raw={totals.p50Ms} detail={`p95 ${formatMs(totals.p95Ms)}`} testId="metric-latency" />
      <Stat
        label="Tokens"
        value={compact(tokens)}
        raw={tokens}
        title={tokens.toLocaleString("en")}
        detail={`${compact(totals.promptTokens)} in · ${compact(totals.completionTokens)} out`}
        testId="metric-tokens"
      />
    </dl>
  );
}
