"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import {
  ALL_KEYS,
  type RequestFilters,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  TIME_FILTER_LABELS,
  TIME_FILTERS,
} from "./request-filters";

const pick = <T extends string>(values: readonly T[], v: string, fallback: T): T => values.find((x) => x === v) ?? fallback;

/** Status, key and time window; one row on wide screens, stacked on phones. */
export function RequestFiltersBar(props: {
  value: RequestFilters;
  onChange: (next: RequestFilters) => void;
  keys: Array<{ id: string; name: string; prefix: string }>;
}) {
  const { value, onChange } = props;
  return (
    <search className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center" aria-label="Filter requests">
      <Select value={value.status} onValueChange={(v) => onChange({ ...value, status: pick(STATUS_FILTERS, v, "all") })}>
        <SelectTrigger aria-label="Status" className="w-full sm:w-40">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {STATUS_FILTERS.map((s) => (
            <SelectItem key={s} value={s}>
              {STATUS_FILTER_LABELS[s]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={value.time} onValueChange={(v) => onChange({ ...value, time: pick(TIME_FILTERS, v, "all") })}>
        <SelectTrigger aria-label="Time" className="w-full sm:w-40">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {TIME_FILTERS.map((t) => (
            <SelectItem key={t} value={t}>
              {TIME_FILTER_LABELS[t]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={value.key} onValueChange={(v) => onChange({ ...value, key: v })}>
        <SelectTrigger aria-label="API key" className="col-span-2 w-full sm:w-56">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL_KEYS}>All keys and chat</SelectItem>
          {props.keys.map((k) => (
            <SelectItem key={k.id} value={k.id}>
              {k.name} <span className="font-mono text-muted-foreground">{k.prefix}…</span>
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </search>
  );
}
