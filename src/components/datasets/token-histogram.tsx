"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import type { TokenHistogramBin } from "@/lib/datasets/types";
import { compactNumber } from "./text";

const label = (b: TokenHistogramBin) => `${compactNumber(b.from)}–${compactNumber(b.to)}`;

/** How many examples fall in each token-length bin (the chart reserves its height: Recharts renders client-side only). */
export function TokenHistogram({ bins, tokenizer }: { bins: TokenHistogramBin[]; tokenizer: string }) {
  const data = bins.map((b) => ({ range: label(b), count: b.count, from: b.from, to: b.to }));
  return (
    <figure className="flex flex-col gap-2" data-testid="token-histogram">
      <div className="h-56 w-full">
        {data.length ? (
          <BarChart responsive data={data} style={{ width: "100%", height: "100%" }} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="range" tickLine={false} axisLine={false} fontSize={11} stroke="var(--muted-foreground)" interval="preserveStartEnd" />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={11} stroke="var(--muted-foreground)" width={48} />
            <Tooltip
              cursor={{ fill: "var(--muted)", opacity: 0.6 }}
              contentStyle={{
                background: "var(--popover)",
                border: "1px solid var(--border)",
                borderRadius: 8,
                color: "var(--popover-foreground)",
                fontSize: 12,
              }}
              labelFormatter={(v) => `${v} tokens`}
              formatter={(v) => [Number(v).toLocaleString("en"), "examples"]}
            />
            <Bar dataKey="count" fill="var(--chart-1)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          </BarChart>
        ) : (
          <p className="grid h-full place-items-center text-sm text-muted-foreground">No valid examples to chart.</p>
        )}
      </div>
      <figcaption className="text-xs text-muted-foreground">Examples by token length, counted with {tokenizer}.</figcaption>
    </figure>
  );
}
