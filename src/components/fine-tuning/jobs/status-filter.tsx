"use client";

import { TRAINING_STATUS_LABELS, type TrainingStatus } from "@/lib/training-lifecycle";
import { cn } from "@/lib/utils";

export const FILTER_STATUSES: readonly TrainingStatus[] = ["queued", "running", "completed", "failed", "cancelled"];

/** Status filter chips (the choice lives in the URL, so a reload or a shared link keeps it). */
export function StatusFilter(props: { value: TrainingStatus | null; onChange: (s: TrainingStatus | null) => void }) {
  const options: { value: TrainingStatus | null; label: string }[] = [
    { value: null, label: "All" },
    ...FILTER_STATUSES.map((s) => ({ value: s, label: TRAINING_STATUS_LABELS[s] })),
  ];
  return (
    <fieldset className="-mx-1 flex min-w-0 gap-1.5 overflow-x-auto px-1 pb-1" aria-label="Filter by status">
      {options.map((o) => {
        const active = props.value === o.value;
        return (
          <button
            key={o.label}
            type="button"
            aria-pressed={active}
            onClick={() => props.onChange(o.value)}
            data-testid={`status-filter-${o.value ?? "all"}`}
            className={cn(
              "shrink-0 rounded-full border px-3 py-1 text-xs font-medium transition-colors outline-none",
              "hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
              active ? "border-primary bg-primary/10 text-primary" : "text-muted-foreground",
            )}
          >
            {o.label}
          </button>
        );
      })}
    </fieldset>
  );
}
