"use client";

import { useEffect, useRef } from "react";
import type { FitModel } from "@/lib/model-fit";
import { trainingMemory } from "@/lib/training/memory";
import { cheapestTrainingGpu } from "./gpu-options";
import { asQuantization } from "./use-gpu-choices";
import { useConfiguratorForm, useSelectedBaseModel } from "./use-configurator-form";

/**
 * Keeps the resolver's view of the chosen base model current, and when a newly chosen model does
 * not fit the GPUs, moves to the ones that train it for the least money.
 */
export function BaseModelSync({ modelRef }: { modelRef: React.RefObject<FitModel | null> }) {
  const { getValues, setValue } = useConfiguratorForm();
  const model = useSelectedBaseModel();
  const seen = useRef<string | null>(null);
  useEffect(() => {
    modelRef.current = model;
    if (!model || seen.current === model.id) return;
    seen.current = model.id;
    const { quantization, hyperparameters, gpu } = getValues();
    const q = asQuantization(quantization);
    if (trainingMemory(model, q, hyperparameters, gpu)?.fits !== false) return;
    const cheapest = cheapestTrainingGpu(model, q, hyperparameters);
    if (!cheapest) return;
    setValue("gpu.instanceTypeId", cheapest.instanceTypeId);
    setValue("gpu.gpuCount", cheapest.gpuCount);
  }, [model, modelRef, getValues, setValue]);
  return null;
}
