"use client";

import Link from "next/link";
import { Controller } from "react-hook-form";
import { Upload } from "lucide-react";
import { ChoiceCard } from "@/components/deployments/wizard/choice-card";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { api } from "@/trpc/react";
import { describedBy, Field } from "@/components/deployments/field";
import { useConfiguratorForm } from "./use-configurator-form";

/** No dataset chosen yet: the user's ready datasets, newest first. */
export function DatasetPicker() {
  const { control } = useConfiguratorForm();
  const list = api.datasets.list.useQuery({ status: "ready", limit: 50 });
  return (
    <Controller
      control={control}
      name="datasetId"
      render={({ field, fieldState }) => (
        <Field name="datasetId" label="Dataset" asGroupLabel error={fieldState.error?.message}>
          {list.isPending ? (
            <div className="grid gap-2 sm:grid-cols-2" role="status" aria-busy="true" aria-label="Loading datasets">
              <Skeleton className="h-16" />
              <Skeleton className="h-16" />
            </div>
          ) : list.isError ? (
            <p className="text-sm text-destructive">Could not load your datasets: {list.error.message}</p>
          ) : list.data.items.length === 0 ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-dashed p-4">
              <p className="text-sm text-muted-foreground">No ready datasets yet: upload one and wait for it to validate.</p>
              <Button asChild variant="outline" size="sm">
                <Link href="/datasets">
                  <Upload /> Upload a dataset
                </Link>
              </Button>
            </div>
          ) : (
            <RadioGroup
              ref={field.ref}
              value={field.value}
              onValueChange={field.onChange}
              aria-labelledby="f-datasetId-label"
              {...describedBy("datasetId", { error: fieldState.error?.message })}
              className="grid max-h-72 gap-2 overflow-y-auto p-0.5 sm:grid-cols-2"
            >
              {list.data.items.map((d) => (
                <ChoiceCard
                  key={d.id}
                  id={`dataset-${d.id}`}
                  value={d.id}
                  checked={field.value === d.id}
                  title={d.name}
                  meta={d.examples === null ? undefined : `${formatNumber(d.examples)} examples`}
                  detail={d.totalTokens === null ? d.fileName : `${formatNumber(d.totalTokens)} tokens · ${d.fileName}`}
                />
              ))}
            </RadioGroup>
          )}
        </Field>
      )}
    />
  );
}
