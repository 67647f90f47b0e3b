"use client";

import { METRIC_RANGES, type MetricRange } from "@/lib/gateway/metrics";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";

/** 1h / 24h / 7d / 30d as a segmented control (arrow keys move between them). */
export function RangePicker({ value, onChange }: { value: MetricRange; onChange: (r: MetricRange) => void }) {
  return (
    <Tabs value={value} onValueChange={(v) => onChange(METRIC_RANGES.find((r) => r === v) ?? value)}>
      <TabsList aria-label="Time range">
        {METRIC_RANGES.map((r) => (
          <TabsTrigger key={r} value={r} className="px-3 tabular-nums">
            {r}
          </TabsTrigger>
        ))}
      </TabsList>
    </Tabs>
  );
}
