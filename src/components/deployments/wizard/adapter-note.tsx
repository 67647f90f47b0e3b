"use client";

import { createContext, useContext } from "react";
import Link from "next/link";
import { Boxes, X } from "lucide-react";
import { useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { useWizardForm } from "./use-wizard-form";

/** The trained adapter the wizard was opened for (`/deployments/new?artifact=<id>`). */
export interface WizardAdapter {
  artifactId: string;
  name: string;
  version: number;
  baseModelId: string;
  baseModelName: string;
}

export const WizardAdapterContext = createContext<WizardAdapter | null>(null);

/** The adapter being deployed, on its base model; removing it deploys the base model alone. */
export function AdapterNote() {
  const adapter = useContext(WizardAdapterContext);
  const { control, setValue } = useWizardForm();
  const chosen = useWatch({ control, name: "adapter" });
  if (!adapter || chosen?.artifactId !== adapter.artifactId) return null;
  return (
    <div
      className="grid grid-cols-[auto_minmax(0,1fr)] items-start gap-x-3 gap-y-2 rounded-lg border border-primary/30 bg-primary/5 p-3 sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:items-center"
      data-testid="adapter-note"
      data-artifact={adapter.artifactId}
    >
      <Boxes className="mt-0.5 size-4 shrink-0 text-primary sm:mt-0" aria-hidden />
      <p className="text-sm">
        Serving your fine-tuned adapter{" "}
        <Link href={`/models/artifacts/${adapter.artifactId}`} className="font-medium underline-offset-2 hover:underline">
          {adapter.name} v{adapter.version}
        </Link>{" "}
        on its base model, {adapter.baseModelName}.
      </p>
      <Button type="button" variant="ghost" size="sm" className="col-start-2 w-fit sm:col-start-3" onClick={() => setValue("adapter", undefined, { shouldDirty: true })}>
        <X /> Remove adapter
      </Button>
    </div>
  );
}

/** Choosing another model drops the adapter: it only runs on the model it was trained on. */
export function useDropAdapterOnModelChange() {
  const adapter = useContext(WizardAdapterContext);
  const { getValues, setValue } = useWizardForm();
  return (modelId: string) => {
    if (adapter && getValues("adapter") && modelId !== adapter.baseModelId) setValue("adapter", undefined);
  };
}
