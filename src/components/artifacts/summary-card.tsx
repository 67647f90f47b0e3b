import Link from "next/link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatNumber } from "@/lib/format";
import { formatCents, instanceTypeById } from "@/lib/pricing";
import { formatTrainingDuration } from "@/lib/pricing/training";
import type { RouterOutputs } from "@/trpc/react";

type Artifact = RouterOutputs["artifacts"]["byId"];

/** How the adapter was trained: from what, on what, for how long and at what cost. */
export function SummaryCard({ artifact }: { artifact: Artifact }) {
  const s = artifact.summary;
  const gpu = instanceTypeById(s.gpu.instanceTypeId);
  const rows: Array<[string, React.ReactNode]> = [
    ["Base model", <Link key="m" href={`/models/${encodeURIComponent(artifact.baseModel.id)}`} className="text-primary underline-offset-2 hover:underline">{artifact.baseModel.name}</Link>],
    ["Dataset", <Link key="d" href={`/datasets/${artifact.dataset.id}`} className="text-primary underline-offset-2 hover:underline">{artifact.dataset.name}</Link>],
    ["Training job", <Link key="j" href={`/fine-tuning/jobs/${artifact.jobId}`} className="text-primary underline-offset-2 hover:underline">View the run</Link>],
    ["Duration", formatTrainingDuration(s.durationSeconds)],
    ["Total cost", formatCents(s.costCents)],
    ["GPUs", `${s.gpu.gpuCount} × ${gpu?.label ?? s.gpu.instanceTypeId}`],
    ["Epochs / steps", `${s.epochs} / ${formatNumber(s.steps)}`],
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
