"use client";

import { useWatch } from "react-hook-form";
import { modelFit } from "@/lib/model-fit";
import { cn } from "@/lib/utils";
import { asPrecision } from "./hardware-text";
import { useSelectedModel, useWizardForm } from "./use-wizard-form";

/** How much of the instance's memory the model takes: weights + KV cache + overhead. */
export function FitMeter() {
  const { control } = useWizardForm();
  const model = useSelectedModel();
  const hardware = useWatch({ control, name: "hardware" });
  if (!model) return null;
  const fit = modelFit(model, hardware.instanceTypeId, hardware.gpuCount, asPrecision(hardware.precision));
  if (fit.neededGb === null || !fit.needs) return null;
  const share = fit.availableGb > 0 ? Math.min(1, fit.needs.exactGb / fit.availableGb) : 1;
  return (
    <div className="flex flex-col gap-2 rounded-lg bg-muted/50 p-3" data-testid="fit-meter">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs">
        <span className="font-medium">
          {fit.fits ? `${model.name} fits` : `${model.name} does not fit`}
          <span className="font-normal text-muted-foreground">
            {" "}
            · weights {fit.needs.weightsGb} GB + KV cache {fit.needs.kvCacheGb} GB + overhead {fit.needs.overheadGb} GB
          </span>
        </span>
        <span className="tabular-nums text-muted-foreground">
          ≈ {fit.neededGb} of {fit.availableGb} GB
        </span>
      </div>
      <div className="h-1.5 overflow-hidden rounded-full bg-background" aria-hidden>
        <div
          className={cn("h-full rounded-full", fit.fits ? (share > 0.85 ? "bg-amber-500" : "bg-emerald-500") : "bg-destructive")}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
