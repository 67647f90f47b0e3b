"use client";

import { memo, useMemo } from "react";
import { useWatch } from "react-hook-form";
import { SlidersHorizontal } from "lucide-react";
import { AccordionContent, AccordionItem, AccordionTrigger } from "@/components/ui/accordion";
import { trainingWarnings } from "@/lib/training/warnings";
import { HyperparameterInput } from "./hyperparameter-input";
import { useConfiguratorForm, useDatasetStats } from "./use-configurator-form";

/** The warnings of the whole configuration, by field (they read the dataset's statistics too). */
export function useWarnings(): Map<string, string> {
  const { control, getValues } = useConfiguratorForm();
  // Subscribes to every change; the values themselves are read whole (a blank box is NaN, which
  // trainingWarnings skips).
  const values = useWatch({ control });
  const stats = useDatasetStats();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `values` is the change signal for getValues().
  return useMemo(() => {
    const map = new Map<string, string>();
    for (const w of trainingWarnings(getValues(), { dataset: stats })) if (!map.has(w.field)) map.set(w.field, w.message);
    return map;
  }, [values, stats, getValues]);
}

/** Advanced settings, collapsed by default: the six preset values plus warm-up and sequence length. */
export const AdvancedSection = memo(function AdvancedSection() {
  const warnings = useWarnings();
  const w = (name: string) => warnings.get(`hyperparameters.${name}`);
  const count = [...warnings.keys()].filter((k) => k.startsWith("hyperparameters.")).length;
  return (
    <AccordionItem value="advanced" className="rounded-lg border px-3 md:px-4" data-section="advanced">
      <AccordionTrigger className="items-center py-3 hover:no-underline">
        <span className="flex items-center gap-2">
          <SlidersHorizontal className="size-4 text-muted-foreground" aria-hidden />
          Advanced settings
          {count > 0 ? (
            <span className="rounded-full bg-amber-500/15 px-2 py-0.5 text-[11px] font-medium text-amber-700 dark:text-amber-400">
              {count} {count === 1 ? "warning" : "warnings"}
            </span>
          ) : null}
        </span>
      </AccordionTrigger>
      <AccordionContent className="grid grid-cols-2 gap-x-4 gap-y-5 pt-2 2xl:grid-cols-4">
        <HyperparameterInput name="learningRate" label="Learning rate" step="any" decimal warning={w("learningRate")} />
        <HyperparameterInput name="batchSize" label="Batch size" warning={w("batchSize")} />
        <HyperparameterInput name="epochs" label="Epochs" warning={w("epochs")} />
        <HyperparameterInput name="loraRank" label="LoRA rank" warning={w("loraRank")} />
        <HyperparameterInput name="loraAlpha" label="LoRA alpha" warning={w("loraAlpha")} />
        <HyperparameterInput name="loraDropout" label="LoRA dropout" step={0.01} decimal warning={w("loraDropout")} />
        <HyperparameterInput name="warmupRatio" label="Warm-up ratio" step={0.01} decimal warning={w("warmupRatio")} />
        <HyperparameterInput name="maxSequenceLength" label="Max sequence length (tokens)" warning={w("maxSequenceLength")} />
      </AccordionContent>
    </AccordionItem>
  );
});
