import type { DatasetStats } from "@/lib/datasets/types";
import { cn } from "@/lib/utils";
import { formatBytes } from "@/lib/datasets/upload-target";
import { compactNumber, plural } from "./text";

interface Stat {
  id: string;
  label: string;
  value: string;
  /** The exact figure (e2e compares the browser's report with the server's through it). */
  exact: number;
  title?: string;
  detail: string;
}

/** Which tokenizer counted, and whether every example was tokenized or the rest were estimated from a sample. */
function tokenNote(s: DatasetStats): string {
  const counted = s.tokenizedExamples;
  if (counted === undefined || counted >= s.examples) return s.tokenizer;
  return `${s.tokenizer}; ${counted.toLocaleString("en")} of ${s.examples.toLocaleString("en")} examples tokenized, the rest estimated`;
}

const round1 = (n: number) => (Math.round(n * 10) / 10).toLocaleString("en");

function statsOf(s: DatasetStats): Stat[] {
  const t = s.tokensPerExample;
  return [
    {
      id: "examples",
      label: "Examples",
      value: s.examples.toLocaleString("en"),
      exact: s.examples,
      detail: s.validationExamples > 0 ? `${s.trainExamples.toLocaleString("en")} train · ${s.validationExamples.toLocaleString("en")} validation` : "all for training",
    },
    {
      id: "total-tokens",
      label: "Total tokens",
      value: compactNumber(s.totalTokens),
      exact: s.totalTokens,
      title: s.totalTokens.toLocaleString("en"),
      detail: tokenNote(s),
    },
    {
      id: "tokens-per-example",
      label: "Tokens per example",
      value: compactNumber(Math.round(t.mean)),
      exact: t.max,
      title: `mean ${round1(t.mean)}`,
      detail: `median ${t.p50.toLocaleString("en")} · p90 ${t.p90.toLocaleString("en")} · max ${t.max.toLocaleString("en")}`,
    },
    {
      id: "turns",
      label: "Turns per example",
      value: round1(s.turnsPerExample.mean),
      exact: s.turnsPerExample.max,
      detail: s.turnsPerExample.min === s.turnsPerExample.max ? "in every example" : `from ${s.turnsPerExample.min} to ${s.turnsPerExample.max}`,
    },
    {
      id: "duplicates",
      label: "Duplicates",
      value: s.duplicates.toLocaleString("en"),
      exact: s.duplicates,
      detail: s.duplicates ? "repeat an earlier example" : "every example is unique",
    },
    { id: "size", label: "File", value: formatBytes(s.bytes), exact: s.bytes, detail: plural(s.lines, "line") },
  ];
}

/** The dataset's figures as small cards: the same layout before upload (browser) and after (server). */
export function StatsGrid({ stats, className }: { stats: DatasetStats; className?: string }) {
  return (
    <dl className={cn("grid grid-cols-2 gap-3 md:grid-cols-3", className)} data-testid="dataset-stats">
      {statsOf(stats).map((s) => (
        <div key={s.id} className="flex min-w-0 flex-col gap-1 rounded-lg border bg-card p-3">
          <dt className="text-xs font-medium tracking-wide text-muted-foreground uppercase">{s.label}</dt>
          <dd className="text-xl font-semibold tabular-nums" title={s.title} data-testid={`stat-${s.id}`} data-value={s.exact}>
            {s.value}
          </dd>
          <dd className="text-xs text-pretty text-muted-foreground">
            {s.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
