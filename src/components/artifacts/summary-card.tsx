import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { formatCents } from "@/lib/pricing";
import { formatTrainingDuration } from "@/lib/pricing/training";
import type { RouterOutputs } from "@/trpc/react";

type Artifact = RouterOutputs["artifacts"]["byId"];

const LINK = "text-primary underline-offset-2 hover:underline";
const PROVIDER_LABELS: Record<string, string> = { simulator: "Simulator", together: "Together AI" };

/** How the adapter was trained: from what, on what, for how long and at what cost. */
export function SummaryCard({ artifact }: { artifact: Artifact }) {
  const s = artifact.summary;
  const rows: Array<[string, React.ReactNode]> = [
    ["Base model", <Link key="m" href={`/models/${encodeURIComponent(s.baseModel.id)}`} className={LINK}>{s.baseModel.name}</Link>],
    ["Dataset", <Link key="d" href={`/datasets/${s.dataset.id}`} className={LINK}>{s.dataset.name}</Link>],
    ["Training job", <Link key="j" href={`/fine-tuning/jobs/${artifact.jobId}`} className={LINK}>View the run</Link>],
    ["Duration", formatTrainingDuration(s.durationSeconds)],
    ["Total cost", formatCents(s.costCents)],
    ["GPUs", `${s.gpu.count} × ${s.gpu.label}`],
    ["Epochs / steps", `${s.epochs} / ${formatNumber(s.totalSteps)}`],
    ["Trained on", PROVIDER_LABELS[s.provider] ?? s.provider],
  ];
  return (
    <Card className="gap-3 py-5" data-testid="training-summary">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Training summary</CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="min-w-0 truncate text-right tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
