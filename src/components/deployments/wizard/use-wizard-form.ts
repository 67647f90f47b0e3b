"use client";

import { type FieldPath, get, useFormContext, useFormState, useWatch } from "react-hook-form";
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

/**
 * The error message at `name`, from a subscription to that field's errors only: reading
 * `formState` from the form context would subscribe the whole form (and re-render it on every change).
 */
export function useFieldError(name: FieldPath<DeploymentConfigInput>): string | undefined {
  const { control } = useWizardForm();
  const { errors } = useFormState({ control, name, exact: true });
  const error: unknown = get(errors, name);
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" ? error.message : undefined;
}
