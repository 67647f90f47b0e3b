"use client";

import { useEffect } from "react";
import type { FitModel } from "@/lib/model-fit";
import { useSelectedModel } from "./use-wizard-form";

/** Keeps the resolver's view of the chosen catalog entry current (the fit check needs it). */
export function SelectedModelSync({ modelRef }: { modelRef: React.RefObject<FitModel | null> }) {
  const model = useSelectedModel();
  useEffect(() => {
    modelRef.current = model;
  }, [model, modelRef]);
  return null;
}
