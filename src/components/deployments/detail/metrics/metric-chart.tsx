"use client";

import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { MetricRange } from "@/lib/gateway/metrics";
import { bucketLabel, type ChartRow } from "./metric-format";

export interface Series {
  key: keyof Omit<ChartRow, "t">;
  name: string;
  color: string;
}

const AXIS_TICK = { fontSize: 11, fill: "var(--muted-foreground)" };
const TOOLTIP_STYLE = {
  background: "var(--popover)",
  border: "1px solid var(--border)",
  borderRadius: 8,
  fontSize: 12,
  color: "var(--popover-foreground)",
};

/** One time series card; "area" stacks (tokens in/out), "line" overlays (p50/p95). No animation: it refetches. */
export function MetricChart(props: {
  title: string;
  rows: ChartRow[];
  range: MetricRange;
  series: Series[];
  kind: "line" | "area";
  format: (v: number) => string;
  testId: string;
}) {
  const { rows, range, series, format } = props;
  const Chart = props.kind === "area" ? AreaChart : LineChart;
  // Latency and error rate are gaps where nothing was asked: a lone point draws no line, so mark points.
  const measured = rows.filter((r) => series.some((s) => r[s.key] !== null)).length;
  const dot = measured < 20 ? { r: 3 } : false;
  return (
    <Card className="gap-3 py-5" data-testid={props.testId}>
      <CardHeader className="px-5">
        <CardTitle className="text-sm">{props.title}</CardTitle>
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        {/* Recharts renders nothing on the server: the box keeps its height so the page does not jump. */}
        <div className="h-48 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <Chart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tick={AXIS_TICK}
                tickLine={false}
                axisLine={{ stroke: "var(--border)" }}
                tickFormatter={(t: number) => bucketLabel(t, range)}
                minTickGap={24}
              />
              <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} width={60} tickFormatter={(v: number) => format(v)} allowDecimals={false} />
              <Tooltip
                contentStyle={TOOLTIP_STYLE}
                labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
                formatter={(value) => (typeof value === "number" ? format(value) : "—")}
              />
              {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
              {series.map((s) =>
                props.kind === "area" ? (
                  <Area
                    key={s.key}
                    name={s.name}
                    dataKey={s.key}
                    type="monotone"
                    stackId="1"
                    stroke={s.color}
                    fill={s.color}
                    fillOpacity={0.25}
                    isAnimationActive={false}
                  />
                ) : (
                  <Line key={s.key} name={s.name} dataKey={s.key} type="monotone" stroke={s.color} strokeWidth={2} dot={dot} isAnimationActive={false} />
                ),
              )}
            </Chart>
          </ResponsiveContainer>
        </div>
      </CardContent>
    </Card>
  );
}
