"use client";

import { useEffect, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { DATASET_STATUS_LABELS, DATASET_STATUSES, type DatasetStatus } from "@/lib/dataset-lifecycle";
import { DATASET_FORMAT_LABELS, DATASET_FORMATS, type DatasetFormat } from "@/lib/datasets/types";
import { DATASET_SORTS, type DatasetSort, SORT_LABELS } from "./sort-state";


export interface DatasetFilters {
  search: string;
  format: DatasetFormat | null;
  status: DatasetStatus | null;
  sort: DatasetSort;
}

export const NO_FILTERS: DatasetFilters = { search: "", format: null, status: null, sort: "newest" };

const ALL = "all";
const pick = <T extends string>(values: readonly T[], v: string): T | null => values.find((x) => x === v) ?? null;

/** Search (debounced), format, status and sort; sort has a control of its own for phones, where headers hide. */
export function ListFilters({ value, onChange }: { value: DatasetFilters; onChange: (next: DatasetFilters) => void }) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  useEffect(() => {
    if (search === value.search) return;
    const t = setTimeout(() => onChange({ ...value, search }), 250);
    return () => clearTimeout(t);
  }, [search, value, onChange]);

  const sortSelect = (
    <Select value={value.sort} onValueChange={(v) => onChange({ ...value, sort: pick(DATASET_SORTS, v) ?? "newest" })}>
      <SelectTrigger aria-label="Sort" className="w-36 shrink-0 sm:order-last sm:w-40">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {DATASET_SORTS.map((s) => (
          <SelectItem key={s} value={s}>
            {SORT_LABELS[s]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
  // Phones: search and sort on one row, the two filters on the next; wider screens: one row.
  return (
    <search className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center" aria-label="Filter datasets">
      <div className="flex gap-2 sm:contents">
        <div className="relative min-w-0 flex-1 sm:w-64 sm:flex-none">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input type="search" maxLength={200} placeholder="Search datasets" aria-label="Search datasets by name or file name" className="pl-8" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        {sortSelect}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:contents">
        <Select value={value.format ?? ALL} onValueChange={(v) => onChange({ ...value, format: pick(DATASET_FORMATS, v) })}>
          <SelectTrigger aria-label="Format" className="w-full sm:w-52">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All formats</SelectItem>
            {DATASET_FORMATS.map((f) => (
              <SelectItem key={f} value={f}>
                {DATASET_FORMAT_LABELS[f]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Select value={value.status ?? ALL} onValueChange={(v) => onChange({ ...value, status: pick(DATASET_STATUSES, v) })}>
          <SelectTrigger aria-label="Status" className="w-full sm:w-36">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All statuses</SelectItem>
            {DATASET_STATUSES.map((s) => (
              <SelectItem key={s} value={s}>
                {DATASET_STATUS_LABELS[s]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
    </search>
  );
}
