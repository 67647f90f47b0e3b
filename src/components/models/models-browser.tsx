"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useDeferredValue, useState } from "react";
import { Search, SearchX } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { RowsSkeleton } from "@/components/shell/loading-skeletons";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatContextWindow, formatPricePerMillion, MODEL_SIZES, MODEL_TYPES } from "@/lib/model-size";
import { api } from "@/trpc/react";
import type { ModelListFilters } from "@/server/api/routers/models";

type Filters = ModelListFilters;
const ALL = "all";

/** Catalog with search and filters; filters live in the URL so a view can be shared. */
export function ModelsBrowser() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [search, setSearch] = useState(params.get("q") ?? "");
  const deferredSearch = useDeferredValue(search.trim());
  const filters: Filters = {
    search: deferredSearch || undefined,
    provider: params.get("provider") ?? undefined,
    type: (params.get("type") as Filters["type"]) ?? undefined,
    size: (params.get("size") as Filters["size"]) ?? undefined,
  };
  const list = api.models.list.useQuery(filters, { placeholderData: (prev) => prev });
  const providers = api.models.providers.useQuery();

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value && value !== ALL) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  }
  const hasFilters = Boolean(filters.search || filters.provider || filters.type || filters.size);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-56 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setParam("q", e.target.value.trim() || undefined);
            }}
            placeholder="Search models, providers, descriptions"
            aria-label="Search models"
            className="pl-8"
          />
        </div>
        <FilterSelect
          label="Provider"
          value={filters.provider}
          onChange={(v) => setParam("provider", v)}
          options={(providers.data ?? []).map((p) => ({ value: p, label: p }))}
        />
        <FilterSelect
          label="Type"
          value={filters.type}
          onChange={(v) => setParam("type", v)}
          options={MODEL_TYPES.map((t) => ({ value: t, label: t[0]!.toUpperCase() + t.slice(1) }))}
        />
        <FilterSelect
          label="Size"
          value={filters.size}
          onChange={(v) => setParam("size", v)}
          options={[...MODEL_SIZES.map((s) => ({ value: s.id, label: s.label })), { value: "undisclosed", label: "Undisclosed" }]}
        />
        {hasFilters ? (
          <Button
            variant="ghost"
            onClick={() => {
              setSearch("");
              router.replace(pathname, { scroll: false });
            }}
          >
            Clear
          </Button>
        ) : null}
      </div>

      {list.isPending ? (
        <RowsSkeleton label="Loading models" rows={6} rowClassName="h-12" />
      ) : list.isError ? (
        <EmptyState
          title="Could not load models"
          description={list.error.message}
          action={<Button onClick={() => list.refetch()}>Try again</Button>}
        />
      ) : list.data.length === 0 ? (
        <EmptyState icon={<SearchX />} title="No models match" description="Try another search or clear the filters." />
      ) : (
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Model</TableHead>
                <TableHead>Type</TableHead>
                <TableHead className="text-right">Parameters</TableHead>
                <TableHead className="text-right">Context</TableHead>
                <TableHead className="text-right">Input / 1M</TableHead>
                <TableHead className="text-right">Output / 1M</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((m) => (
                <TableRow key={m.id} data-testid="model-row" className="group">
                  <TableCell>
                    <Link href={`/models/${m.id}`} className="font-medium outline-none group-hover:underline focus-visible:underline">
                      {m.name}
                    </Link>
                    <div className="text-xs text-muted-foreground">{m.provider}</div>
                  </TableCell>
                  <TableCell>
                    <Badge variant="secondary" className="capitalize">
                      {m.type}
                    </Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{m.parameterSize ?? "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatContextWindow(m.contextWindow)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatPricePerMillion(m.inputPricePerMillion)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatPricePerMillion(m.outputPricePerMillion)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {list.data ? (
        <p className="text-xs text-muted-foreground" aria-live="polite">
          {list.data.length} {list.data.length === 1 ? "model" : "models"}
        </p>
      ) : null}
    </div>
  );
}

function FilterSelect(props: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  return (
    <Select value={props.value ?? ALL} onValueChange={props.onChange}>
      <SelectTrigger className="w-40" aria-label={`Filter by ${props.label.toLowerCase()}`}>
        <SelectValue placeholder={props.label} />
      </SelectTrigger>
      <SelectContent position="popper">
        <SelectItem value={ALL}>All {props.label.toLowerCase()}s</SelectItem>
        {props.options.map((o) => (
          <SelectItem key={o.value} value={o.value}>
            {o.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
