"use client";

import { useState } from "react";
import { CircleAlert, TriangleAlert } from "lucide-react";
import type { DatasetIssue, DatasetRule } from "@/lib/datasets/types";
import { cn } from "@/lib/utils";
import { DATASET_RULE_LABELS } from "@/lib/datasets/rule-labels";
import { plural, sortedCounts } from "./text";

interface IssueListProps {
  kind: "error" | "warning";
  issues: DatasetIssue[];
  counts: Partial<Record<DatasetRule, number>>;
  total: number;
}

const KIND = {
  error: { icon: CircleAlert, tone: "text-destructive", chip: "border-destructive/30 bg-destructive/10 text-destructive" },
  warning: {
    icon: TriangleAlert,
    tone: "text-amber-700 dark:text-amber-400",
    chip: "border-amber-500/30 bg-amber-500/10 text-amber-700 dark:text-amber-400",
  },
};

/**
 * Errors or warnings: a count per rule (each a toggle that narrows the list to that rule), then
 * every kept issue with its 1-based line. The validator keeps the first 100 in full; the counts cover all.
 */
export function IssueList({ kind, issues, counts, total }: IssueListProps) {
  const [rule, setRule] = useState<DatasetRule | null>(null);
  if (total === 0) return null;
  const { icon: Icon, tone, chip } = KIND[kind];
  const shown = rule ? issues.filter((i) => i.rule === rule) : issues;
  return (
    <section className="flex min-w-0 flex-col gap-3" aria-label={kind === "error" ? "Errors" : "Warnings"} data-testid={`dataset-${kind}s`}>
      <h3 className={cn("flex items-center gap-2 text-sm font-semibold", tone)}>
        <Icon className="size-4" aria-hidden />
        <span data-testid={`dataset-${kind}-total`} data-value={total}>
          {plural(total, kind)}
        </span>
      </h3>
      <fieldset className="flex flex-wrap gap-1.5">
        <legend className="sr-only">{kind === "error" ? "Errors" : "Warnings"} per rule: pick one to list only those</legend>
        {sortedCounts(counts).map(([r, n]) => (
          <button
            key={r}
            type="button"
            aria-pressed={rule === r}
            onClick={() => setRule(rule === r ? null : r)}
            data-rule={r}
            data-count={n}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-md border px-2 py-0.5 text-xs font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
              rule === r ? chip : "text-muted-foreground hover:bg-accent",
            )}
          >
            {DATASET_RULE_LABELS[r]}
            <span className="tabular-nums">{n.toLocaleString("en")}</span>
          </button>
        ))}
      </fieldset>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to be scrolled */}
      <ol className="max-h-80 divide-y overflow-y-auto rounded-md border text-sm" tabIndex={0} aria-label={`${kind} list`}>
        {shown.map((issue, i) => (
          <li key={`${issue.line}-${issue.rule}-${i}`} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:gap-3" data-line={issue.line} data-rule={issue.rule}>
            <span className="shrink-0 font-mono text-xs leading-5 text-muted-foreground tabular-nums sm:w-16">
              {issue.line > 0 ? `Line ${issue.line}` : "File"}
            </span>
            <span className="min-w-0 flex-1 leading-5 break-words">
              <span className={cn("mr-2 text-xs font-medium", tone)}>{DATASET_RULE_LABELS[issue.rule]}</span>
              {issue.message}
            </span>
          </li>
        ))}
        {shown.length === 0 ? (
          <li className="px-3 py-2 text-muted-foreground">None of the first {issues.length} are of this rule.</li>
        ) : null}
      </ol>
      {total > issues.length ? (
        <p className="text-xs text-muted-foreground">
          Showing the first {issues.length.toLocaleString("en")} of {plural(total, kind)}; the counts above cover them all.
        </p>
      ) : null}
    </section>
  );
}
