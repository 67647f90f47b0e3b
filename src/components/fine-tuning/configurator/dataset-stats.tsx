import { formatNumber } from "@/lib/format";

export interface DatasetStatsView {
  examples: number;
  trainExamples: number;
  validationExamples: number;
  totalTokens: number;
  tokensPerExample: { max: number; p90: number };
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

/** The figures training is sized by: examples and their split, tokens, and how long examples run. */
export function DatasetStats({ stats }: { stats: DatasetStatsView }) {
  const facts: Array<[string, string, string, string]> = [
    ["examples", "Examples", formatNumber(stats.examples), String(stats.examples)],
    [
      "split",
      "Train / validation",
      `${formatNumber(stats.trainExamples)} / ${formatNumber(stats.validationExamples)}`,
      `${stats.trainExamples}/${stats.validationExamples}`,
    ],
    ["tokens", "Tokens", compact.format(stats.totalTokens), String(stats.totalTokens)],
    [
      "length",
      "Tokens per example",
      `p90 ${formatNumber(stats.tokensPerExample.p90)} · max ${formatNumber(stats.tokensPerExample.max)}`,
      String(stats.tokensPerExample.max),
    ],
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 lg:grid-cols-4">
      {facts.map(([id, label, text, value]) => (
        <div key={id} className="flex flex-col gap-1 rounded-lg bg-muted/50 px-3 py-2" data-testid={`dataset-${id}`} data-value={value}>
          <dt className="text-[11px] font-medium tracking-wide text-muted-foreground uppercase">{label}</dt>
          <dd className="text-sm font-medium tabular-nums">{text}</dd>
        </div>
      ))}
    </dl>
  );
}
