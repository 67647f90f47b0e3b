"use client";

import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatCents } from "@/lib/pricing/money";
import type { RouterOutputs } from "@/trpc/react";
import { COST_TYPE_COLOR, COST_TYPE_LABEL, RESOURCE_TYPE_LABEL, resourceHref } from "./labels";

type Breakdown = RouterOutputs["costs"]["breakdown"];

function Dot({ color }: { color: string }) {
  return <span className="size-2.5 shrink-0 rounded-full" style={{ background: color }} aria-hidden />;
}

/** Totals by cost type and by resource (largest first); resource names open their pages. */
export function BreakdownCards({ breakdown }: { breakdown: Breakdown }) {
  const total = breakdown.totalCents || 1;
  return (
    <div className="grid gap-4 lg:grid-cols-[2fr_3fr]">
      <Card className="gap-3 py-5">
        <CardHeader className="px-5">
          <CardTitle className="text-sm">By type</CardTitle>
        </CardHeader>
        <CardContent className="px-5">
          <ul className="flex flex-col gap-2.5" data-testid="costs-by-type">
            {breakdown.byType.map((t) => (
              <li key={t.type} className="flex flex-col gap-1">
                <div className="flex items-center gap-2 text-sm">
                  <Dot color={COST_TYPE_COLOR[t.type]} />
                  <span className="flex-1">{COST_TYPE_LABEL[t.type]}</span>
                  <span className="tabular-nums">{formatCents(t.cents)}</span>
                </div>
                <div className="h-1.5 overflow-hidden rounded-full bg-muted">
                  <div
                    className="h-full w-full origin-left rounded-full"
                    style={{ background: COST_TYPE_COLOR[t.type], transform: `scaleX(${t.cents / total})` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
      <Card className="gap-3 py-5">
        <CardHeader className="px-5">
          <CardTitle className="text-sm">By resource</CardTitle>
        </CardHeader>
        <CardContent className="px-5">
          {breakdown.byResource.length === 0 ? (
            <p className="text-sm text-muted-foreground">Nothing has been billed in this range.</p>
          ) : (
            <ul className="flex max-h-72 flex-col divide-y overflow-y-auto" data-testid="costs-by-resource">
              {breakdown.byResource.map((r) => (
                <li key={`${r.resourceType}:${r.resourceId}`} className="flex items-center gap-3 py-2 text-sm">
                  <div className="flex min-w-0 flex-1 flex-col">
                    <Link
                      href={resourceHref(r.resourceType, r.resourceId)}
                      className="truncate font-medium outline-none hover:underline focus-visible:underline"
                    >
                      {r.name ?? "Deleted resource"}
                    </Link>
                    <span className="text-xs text-muted-foreground">{RESOURCE_TYPE_LABEL[r.resourceType]}</span>
                  </div>
                  <span className="tabular-nums">{formatCents(r.cents)}</span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
