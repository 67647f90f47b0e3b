"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { datasetSizeFromStats, type TrainingEstimate, tryEstimateTraining } from "@/lib/pricing/training";
import { asQuantization } from "./use-gpu-choices";
import { useConfiguratorForm, useDatasetStats, useSelectedBaseModel } from "./use-configurator-form";

export type LiveEstimate =
  | { ok: true; estimate: TrainingEstimate }
  | { ok: false; reason: "dataset" | "model" | "settings" };

/**
 * The cost and duration of the configuration as it stands, from the pricing module in the browser
 * (no network round trip): recomputed on every change of what it depends on.
 */
export function useLiveEstimate(): LiveEstimate {
  const { control } = useConfiguratorForm();
  const model = useSelectedBaseModel();
  const stats = useDatasetStats();
  const [quantization, hyperparameters, gpu] = useWatch({ control, name: ["quantization", "hyperparameters", "gpu"] });
  const { epochs, batchSize, loraRank, maxSequenceLength } = hyperparameters;
  return useMemo((): LiveEstimate => {
    if (!stats) return { ok: false, reason: "dataset" };
    if (!model) return { ok: false, reason: "model" };
    const estimate = tryEstimateTraining(
      {
        quantization: asQuantization(quantization),
        hyperparameters: { epochs, batchSize, loraRank, maxSequenceLength },
        gpu: { instanceTypeId: gpu.instanceTypeId, gpuCount: gpu.gpuCount },
        dataset: datasetSizeFromStats(stats),
      },
      model,
    );
    return estimate ? { ok: true, estimate } : { ok: false, reason: "settings" };
  }, [stats, model, quantization, epochs, batchSize, loraRank, maxSequenceLength, gpu.instanceTypeId, gpu.gpuCount]);
}

export const ESTIMATE_PENDING_TEXT: Record<"dataset" | "model" | "settings", string> = {
  dataset: "Choose a ready dataset to see what training costs.",
  model: "Choose a base model to see what training costs.",
  settings: "Complete the settings to see what training costs.",
};
