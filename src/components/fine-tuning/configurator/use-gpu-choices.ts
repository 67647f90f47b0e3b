"use client";

import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { QUANTIZATIONS, type Quantization } from "@/lib/training/schema";
import { type TrainingGpuChoice, trainingGpuChoices } from "./gpu-options";
import { useConfiguratorForm, useSelectedBaseModel } from "./use-configurator-form";

/** The form's quantisation as the type, falling back to 16-bit while it is not one (a bad draft). */
export function asQuantization(value: string): Quantization {
  return QUANTIZATIONS.find((q) => q === value) ?? "16bit";
}

/** GPU types and counts with their memory fit for the chosen model and the settings that size memory. */
export function useGpuChoices(): TrainingGpuChoice[] {
  const { control } = useConfiguratorForm();
  const model = useSelectedBaseModel();
  const [quantization, loraRank, batchSize, maxSequenceLength] = useWatch({
    control,
    name: ["quantization", "hyperparameters.loraRank", "hyperparameters.batchSize", "hyperparameters.maxSequenceLength"],
  });
  return useMemo(
    () => trainingGpuChoices(model, asQuantization(quantization), { loraRank, batchSize, maxSequenceLength }),
    [model, quantization, loraRank, batchSize, maxSequenceLength],
  );
}
