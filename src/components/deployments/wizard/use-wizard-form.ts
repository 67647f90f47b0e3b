"use client";

import { useFormContext, useWatch } from "react-hook-form";
import type { DeploymentConfig, DeploymentConfigInput } from "@/lib/deployments/schema";
import { api } from "@/trpc/react";

/** The wizard's form context, typed (input values, validated output). */
export function useWizardForm() {
  return useFormContext<DeploymentConfigInput, unknown, DeploymentConfig>();
}

/** The catalog entry of the chosen model (shared query: the sections and the footer read the same one). */
export function useSelectedModel() {
  const { control } = useWizardForm();
  const modelId = useWatch({ control, name: "modelId" });
  const query = api.models.byId.useQuery({ id: modelId }, { enabled: Boolean(modelId), staleTime: 5 * 60_000 });
  return modelId ? (query.data ?? null) : null;
}
