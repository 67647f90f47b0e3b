"use client";

import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { COST_RESOURCE_TYPES, COST_TYPES } from "@/lib/costs/types";
import type { CostFilters } from "./filters";
import { COST_TYPE_LABEL, RESOURCE_TYPE_LABEL } from "./labels";

const ALL = "all";
const pick = <T extends string>(values: readonly T[], v: string): T | null => values.find((x) => x === v) ?? null;

/** The day range (breakdown, chart and records) and the records' type and resource filters. */
export function CostFiltersBar({ value, onChange, error }: { value: CostFilters; onChange: (next: CostFilters) => void; error: string | null }) {
  return (
    <search className="flex flex-col gap-2" aria-label="Filter costs">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <div className="flex flex-col gap-1">
          <Label htmlFor="costs-from" className="text-xs text-muted-foreground">
            From (UTC)
          </Label>
          <Input id="costs-from" type="date" value={value.from} max={value.to} onChange={(e) => onChange({ ...value, from: e.target.value })} className="sm:w-40" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="costs-to" className="text-xs text-muted-foreground">
            To (UTC)
          </Label>
          <Input id="costs-to" type="date" value={value.to} min={value.from} onChange={(e) => onChange({ ...value, to: e.target.value })} className="sm:w-40" />
        </div>
        <Select value={value.type ?? ALL} onValueChange={(v) => onChange({ ...value, type: pick(COST_TYPES, v) })}>
          <SelectTrigger aria-label="Cost type" className="w-full sm:w-40">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All types</SelectItem>
            {COST_TYPES.map((t) => (
              <SelectItem key={t} value={t}>
                {COST_TYPE_LABEL[t]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={value.resourceType ?? ALL} onValueChange={(v) => onChange({ ...value, resourceType: pick(COST_RESOURCE_TYPES, v) })}>
          <SelectTrigger aria-label="Resource type" className="w-full sm:w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All resources</SelectItem>
            {COST_RESOURCE_TYPES.map((t) => (
              <SelectItem key={t} value={t}>
                {RESOURCE_TYPE_LABEL[t]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </search>
  );
}
