import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RouterOutputs } from "@/trpc/react";
import { formatLearningRate, formatLoss, formatThroughput } from "./series";

type Job = RouterOutputs["fineTuning"]["byId"];

/** The latest metrics the job reported. */
export function MetricsCard({ job }: { job: Job }) {
  const m = job.currentMetrics;
  const rows: Array<[string, string, string]> = [
    ["training-loss", "Training loss", formatLoss(m?.trainingLoss)],
    ["validation-loss", "Validation loss", formatLoss(m?.validationLoss)],
    ["learning-rate", "Learning rate", formatLearningRate(m?.learningRate)],
    ["throughput", "Throughput", formatThroughput(m?.throughput)],
    ["gradient-norm", "Gradient norm", m?.gradientNorm == null ? "—" : m.gradientNorm.toFixed(3)],
    ["gpu-utilization", "GPU utilisation", m?.gpuUtilization == null ? "—" : `${Math.round(m.gpuUtilization)}%`],
  ];
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">Current metrics</CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        {m ? (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
            {rows.map(([id, label, value]) => (
              <div key={id} className="flex flex-col gap-0.5" data-testid={`metric-${id}`}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="text-sm font-medium tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground">Metrics appear with the first training step.</p>
        )}
      </CardContent>
    </Card>
  );
}
