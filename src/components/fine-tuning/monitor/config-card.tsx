import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { instanceTypeById } from "@/lib/pricing";
import { PRESET_LABELS } from "@/lib/training/presets";
import { QUANTIZATION_LABELS, type TrainingConfig } from "@/lib/training/schema";
import { formatLearningRate } from "./series";

/** A training configuration as facts: preset, the eight settings, weights and GPUs. */
export function configFacts(config: TrainingConfig): Array<[string, string]> {
  const h = config.hyperparameters;
  const gpu = instanceTypeById(config.gpu.instanceTypeId);
  return [
    ["Preset", PRESET_LABELS[config.presetId]],
    ["Learning rate", formatLearningRate(h.learningRate)],
    ["Batch size", String(h.batchSize)],
    ["Epochs", String(h.epochs)],
    ["LoRA rank / alpha", `${h.loraRank} / ${h.loraAlpha}`],
    ["LoRA dropout", String(h.loraDropout)],
    ["Warm-up ratio", String(h.warmupRatio)],
    ["Max sequence length", `${new Intl.NumberFormat("en-US").format(h.maxSequenceLength)} tokens`],
    ["Base model weights", QUANTIZATION_LABELS[config.quantization]],
    ["GPUs", `${config.gpu.gpuCount} × ${gpu?.label ?? config.gpu.instanceTypeId}`],
  ];
}

export function ConfigCard({ config, title = "Configuration" }: { config: TrainingConfig; title?: string }) {
  return (
    <Card className="gap-3 py-5">
      <CardHeader className="px-5">
        <CardTitle className="text-sm">{title}</CardTitle>
      </CardHeader>
      <CardContent className="px-5">
        <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
          {configFacts(config).map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-foreground">{k}</dt>
              <dd className="text-right tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
