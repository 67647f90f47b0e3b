"use client";

import { useEffect, useRef } from "react";
import { type FitModel, modelFit } from "@/lib/model-fit";
import { cheapestFit } from "./hardware-options";
import { asPrecision } from "./hardware-text";
import { useSelectedModel, useWizardForm } from "./use-wizard-form";

/**
 * Keeps the resolver's view of the chosen catalog entry current (the fit check needs it), and when a
 * newly chosen model does not fit the hardware, moves to the cheapest size that holds it.
 */
export function SelectedModelSync({ modelRef }: { modelRef: React.RefObject<FitModel | null> }) {
  const { getValues, setValue } = useWizardForm();
  const model = useSelectedModel();
  const seen = useRef<string | null>(null);
  useEffect(() => {
    modelRef.current = model;
    if (!model || seen.current === model.id) return;
    seen.current = model.id;
    const { instanceTypeId, gpuCount, precision } = getValues("hardware");
    if (modelFit(model, instanceTypeId, gpuCount, asPrecision(precision)).fits) return;
    const fit = cheapestFit(model, asPrecision(precision));
    if (!fit) return;
    setValue("hardware.instanceTypeId", fit.instanceTypeId);
    setValue("hardware.gpuCount", fit.gpuCount);
  }, [model, modelRef, getValues, setValue]);
  return null;
}
