import { Info, Star } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";
import { formatLoss } from "../fine-tuning/monitor/series";

type Quality = RouterOutputs["artifacts"]["byId"]["quality"];

const STARS: Record<string, number> = { excellent: 5, good: 4, fair: 3, poor: 2 };
const TONE: Record<string, string> = {
  excellent: "text-emerald-600 dark:text-emerald-400",
  good: "text-emerald-600 dark:text-emerald-400",
  fair: "text-amber-600 dark:text-amber-400",
  poor: "text-destructive",
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Final losses, perplexity and the convergence rating, whose rule (written in the code) is one focus away. */
export function QualityCard({ quality }: { quality: Quality }) {
  const rating = quality.convergence.rating;
  const stars = STARS[rating] ?? 0;
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
            Convergence: <span className={cn("font-semibold", TONE[rating])}>{capitalize(rating)}</span>
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
            <TooltipContent className="max-w-80 text-left" data-testid="convergence-rule">
              {quality.convergence.rule}
            </TooltipContent>
          </Tooltip>
        </div>
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
