"use client";

import { useWatch } from "react-hook-form";
import { trainingMemory } from "@/lib/training/memory";
import { cn } from "@/lib/utils";
import { asQuantization } from "./use-gpu-choices";
import { useConfiguratorForm, useSelectedBaseModel } from "./use-configurator-form";

/** How much of the GPUs' memory the job takes: weights, activations, the adapter's optimiser state, overhead. */
export function MemoryMeter() {
  const { control } = useConfiguratorForm();
  const model = useSelectedBaseModel();
  const [quantization, hyperparameters, gpu] = useWatch({ control, name: ["quantization", "hyperparameters", "gpu"] });
  if (!model) return null;
  const fit = trainingMemory(model, asQuantization(quantization), hyperparameters, gpu);
  if (!fit) return null;
  const share = fit.availableGb > 0 ? Math.min(1, fit.exactGb / fit.availableGb) : 1;
  const p = fit.parts;
  return (
    <div className="flex flex-col gap-2 rounded-lg bg-muted/50 p-3" data-testid="memory-meter" data-fits={fit.fits}>
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs">
        <span className="font-medium">
          {fit.fits ? "Fits in GPU memory" : "Does not fit in GPU memory"}
          <span className="font-normal text-muted-foreground">
            {" "}
            · weights {p.weightsGb} GB + activations {p.activationsGb} GB + adapter {p.adapterGb} GB + overhead{" "}
            {p.overheadGb} GB
          </span>
        </span>
        <span className="text-muted-foreground tabular-nums">
          ≈ {fit.neededGb} of {fit.availableGb} GB
        </span>
      </div>
      {/* The line above says the same in words. */}
      <div className="h-1.5 overflow-hidden rounded-full bg-background" aria-hidden>
        <div
          className={cn(
            "h-full rounded-full",
            fit.fits ? (share > 0.85 ? "bg-amber-500" : "bg-emerald-500") : "bg-destructive",
          )}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
