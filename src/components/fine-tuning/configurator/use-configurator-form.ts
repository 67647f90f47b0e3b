"use client";

import { type FieldPath, get, useFormContext, useFormState, useWatch } from "react-hook-form";
import type { TrainingConfig, TrainingConfigInput } from "@/lib/training/schema";
import { api } from "@/trpc/react";
import { isUuid } from "@/lib/uuid";

/** The configurator's form context, typed (input values, validated output). */
export function useConfiguratorForm() {
  return useFormContext<TrainingConfigInput, unknown, TrainingConfig>();
}

/** The chosen base model's catalog entry (one shared query: sections, resolver and estimate read it). */
export function useSelectedBaseModel() {
  const { control } = useConfiguratorForm();
  const id = useWatch({ control, name: "baseModelId" });
  const query = api.models.byId.useQuery({ id }, { enabled: Boolean(id), staleTime: 5 * 60_000 });
  return id ? (query.data ?? null) : null;
}

/** The chosen dataset (its statistics size the estimate and the warnings); polls while it is still validating. */
export function useSelectedDataset() {
  const { control } = useConfiguratorForm();
  const id = useWatch({ control, name: "datasetId" });
  const valid = isUuid(id);
  const query = api.datasets.byId.useQuery(
    { id },
    {
      enabled: valid,
      staleTime: 30_000,
      retry: (n, err) => err.data?.code !== "NOT_FOUND" && n < 2,
      refetchInterval: (q) => (q.state.data && q.state.data.status !== "ready" && q.state.data.status !== "error" ? 2000 : false),
    },
  );
  return { id, valid, query };
}

/** The dataset's statistics, once it has them. */
export function useDatasetStats() {
  const { query } = useSelectedDataset();
  return query.data?.stats ?? null;
}

/**
 * The error message at `name`, from a subscription to that field's errors only: reading
 * `formState` from the form context would subscribe the whole form (and re-render it on every change).
 */
export function useFieldError(name: FieldPath<TrainingConfigInput>): string | undefined {
  const { control } = useConfiguratorForm();
  const { errors } = useFormState({ control, name, exact: true });
  const error: unknown = get(errors, name);
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string"
    ? error.message
    : undefined;
}
