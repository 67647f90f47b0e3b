"use client";

import { useMemo } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { chartPoints, formatLoss } from "./series";
import type { MetricsPoint } from "./use-live-series";

const TRAINING = "var(--chart-1)";
const VALIDATION = "var(--chart-3)";

/** Training vs validation loss by step; it grows as points arrive (no animation, so it does not replay). */
export function LossChart({ points, pending }: { points: MetricsPoint[] | undefined; pending: boolean }) {
  const data = useMemo(() => chartPoints(points ?? []), [points]);
  const last = points?.at(-1);
  const validations = points?.filter((p) => p.validationLoss !== null).length ?? 0;
  return (
    <Card className="gap-3 py-5" data-testid="loss-chart" data-points={points?.length ?? 0} data-validation-points={validations}>
      <CardHeader className="flex flex-row flex-wrap items-baseline justify-between gap-2 px-5">
        <CardTitle className="text-sm">Loss</CardTitle>
        {last ? (
          <span className="text-xs text-muted-foreground tabular-nums">
            step {last.step} · {points?.length} points
          </span>
        ) : null}
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        {/* Recharts renders nothing on the server: the box keeps its height so the page does not jump. */}
        <div className="h-64 w-full sm:h-72">
          {pending ? (
            <Skeleton className="h-full w-full" />
          ) : data.length === 0 ? (
            <div className="flex h-full items-center justify-center rounded-lg border border-dashed text-sm text-muted-foreground">
              The curve starts with the first training step.
            </div>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -8 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
                <XAxis
                  dataKey="step"
                  type="number"
                  domain={["dataMin", "dataMax"]}
                  tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
                  tickLine={false}
                  axisLine={{ stroke: "var(--border)" }}
                  allowDecimals={false}
                />
                <YAxis
                  tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
                  tickLine={false}
                  axisLine={false}
                  width={48}
                  tickFormatter={(v: number) => v.toFixed(2)}
                  domain={["auto", "auto"]}
                />
                <Tooltip
                  contentStyle={{
                    background: "var(--popover)",
                    border: "1px solid var(--border)",
                    borderRadius: 8,
                    fontSize: 12,
                    color: "var(--popover-foreground)",
                  }}
                  labelFormatter={(step) => `Step ${step}`}
                  formatter={(value) => formatLoss(typeof value === "number" ? value : null)}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Line
                  name="Training"
                  type="monotone"
                  dataKey="trainingLoss"
                  stroke={TRAINING}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
                <Line
                  name="Validation"
                  type="monotone"
                  dataKey="validationLoss"
                  stroke={VALIDATION}
                  strokeWidth={2}
                  dot={{ r: 2.5, fill: VALIDATION }}
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
