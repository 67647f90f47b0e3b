"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { COST_TYPES } from "@/lib/costs/types";
import { formatCents } from "@/lib/pricing/money";
import type { RouterOutputs } from "@/trpc/react";
import { COST_TYPE_COLOR, COST_TYPE_LABEL, formatDay } from "./labels";

type Daily = RouterOutputs["costs"]["breakdown"]["daily"];

/** Spend per UTC day, stacked by type (cents on the wire; the axis shows dollars). */
export function DailyChart({ daily }: { daily: Daily }) {
  const empty = daily.every((d) => d.totalCents === 0);
  return (
    <Card className="gap-3 py-5" data-testid="costs-daily-chart" data-days={daily.length}>
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Daily spend</CardTitle>
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        {/* Recharts renders nothing on the server: the box keeps its height so the page does not jump. */}
        <div className="h-64 w-full">
          {empty ? (
            <div className="flex h-full items-center justify-center rounded-lg border border-dashed px-4 text-center text-sm text-muted-foreground">
              No spend in this range yet. Bars appear as training, deployments and storage are billed.
            </div>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={daily} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
                <XAxis
                  dataKey="day"
                  tickFormatter={formatDay}
                  tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
                  tickLine={false}
                  axisLine={{ stroke: "var(--border)" }}
                  minTickGap={16}
                />
                <YAxis
                  tick={{ fontSize: 11, fill: "var(--muted-foreground)" }}
                  tickLine={false}
                  axisLine={false}
                  width={56}
                  tickFormatter={(v: number) => formatCents(Math.round(v))}
                />
                <Tooltip
                  cursor={{ fill: "var(--muted)" }}
                  contentStyle={{
                    background: "var(--popover)",
                    border: "1px solid var(--border)",
                    borderRadius: 8,
                    fontSize: 12,
                    color: "var(--popover-foreground)",
                  }}
                  labelFormatter={(day) => (typeof day === "string" ? formatDay(day) : String(day))}
                  formatter={(value) => (typeof value === "number" ? formatCents(value) : String(value))}
                />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {COST_TYPES.map((t) => (
                  <Bar key={t} dataKey={t} name={COST_TYPE_LABEL[t]} stackId="day" fill={COST_TYPE_COLOR[t]} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
