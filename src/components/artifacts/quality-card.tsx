import { Info, Star } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";
import { formatLoss } from "../fine-tuning/monitor/series";

type Quality = RouterOutputs["artifacts"]["byId"]["quality"];

const TONE: Record<string, string> = {
  excellent: "text-emerald-600 dark:text-emerald-400",
  good: "text-emerald-600 dark:text-emerald-400",
  fair: "text-amber-600 dark:text-amber-400",
  poor: "text-destructive",
};

/**
 * Final losses, perplexity and the convergence rating with the facts that decided it; the rule
 * itself (written in the code, src/lib/training/quality.ts) is one focus away, in a tooltip.
 */
export function QualityCard({ quality }: { quality: Quality }) {
  const { rating, label, stars, reasons } = quality.convergence;
  return (
    <Card className="gap-4 py-5" data-testid="quality">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Quality</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 px-5">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="convergence" data-rating={rating}>
          <span className={cn("flex", TONE[rating])} role="img" aria-label={`${stars} of 5 stars`}>
            {Array.from({ length: 5 }, (_, i) => (
              <Star key={i} className={cn("size-4", i < stars ? "fill-current" : "opacity-30")} aria-hidden />
            ))}
          </span>
          <span className="text-sm">
            Convergence: <span className={cn("font-semibold", TONE[rating])}>{label}</span>
          </span>
          <Tooltip>
            <TooltipTrigger asChild>
              <button
                type="button"
                className="rounded-full text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                aria-label="How convergence is rated"
              >
                <Info className="size-4" />
              </button>
            </TooltipTrigger>
            <TooltipContent className="max-w-96 text-left whitespace-pre-line" data-testid="convergence-rule">
              {quality.convergenceRule}
            </TooltipContent>
          </Tooltip>
        </div>
        {reasons.length > 0 ? (
          <ul className="flex flex-col gap-1 text-xs text-muted-foreground" data-testid="convergence-reasons">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
        <dl className="grid grid-cols-3 gap-2 text-center">
          {(
            [
              ["Training loss", formatLoss(quality.finalTrainingLoss)],
              ["Validation loss", formatLoss(quality.finalValidationLoss)],
              ["Perplexity", quality.perplexity === null ? "—" : quality.perplexity.toFixed(2)],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-lg bg-muted/50 px-2 py-2">
              <dt className="text-[11px] text-muted-foreground">{label}</dt>
              <dd className="text-base font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
