"use client";

import { useDeferredValue, useState } from "react";
import { Controller } from "react-hook-form";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { Skeleton } from "@/components/ui/skeleton";
import { formatContextWindow } from "@/lib/model-size";
import { parameterCountB } from "@/lib/model-spec";
import { api } from "@/trpc/react";
import { describedBy, Field } from "../field";
import { AdapterNote, useDropAdapterOnModelChange } from "./adapter-note";
import { ChoiceCard } from "./choice-card";
import { useWizardForm } from "./use-wizard-form";

/** Foundation Model: search the catalog and pick one; hosted-only models cannot run on our hardware. */
export function ModelSection() {
  const { control } = useWizardForm();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const list = api.models.list.useQuery({ search: deferred || undefined }, { placeholderData: (prev) => prev });
  const dropAdapter = useDropAdapterOnModelChange();

  return (
    <Controller
      control={control}
      name="modelId"
      render={({ field, fieldState }) => (
        <Field name="modelId" label="Model" asGroupLabel error={fieldState.error?.message}>
          <AdapterNote />
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
            <Input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              // Enter here means "search", not "deploy".
              onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
              placeholder="Search the catalog: llama, mistral, qwen…"
              aria-label="Search models"
              className="pl-8"
            />
          </div>
          {list.isPending ? (
            <div className="grid gap-2 sm:grid-cols-2" role="status" aria-busy="true" aria-label="Loading models">
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} className="h-16" />
              ))}
            </div>
          ) : list.isError ? (
            <p className="text-sm text-destructive">Could not load the catalog: {list.error.message}</p>
          ) : list.data.length === 0 ? (
            <p className="text-sm text-muted-foreground">No models match “{deferred}”.</p>
          ) : (
            <RadioGroup
              ref={field.ref}
              value={field.value}
              onValueChange={(id) => {
                dropAdapter(id);
                field.onChange(id);
              }}
              aria-labelledby="f-modelId-label"
              {...describedBy("modelId", { error: fieldState.error?.message })}
              className="grid max-h-96 gap-2 overflow-y-auto p-0.5 sm:grid-cols-2"
            >
              {list.data.map((m) => {
                const hostedOnly = parameterCountB(m) === null;
                return (
                  <ChoiceCard
                    key={m.id}
                    id={`model-${m.id}`}
                    value={m.id}
                    disabled={hostedOnly}
                    checked={field.value === m.id}
                    title={m.name}
                    meta={m.parameterSize ? `${m.parameterSize} · ${formatContextWindow(m.contextWindow)}` : formatContextWindow(m.contextWindow)}
                    detail={hostedOnly ? "Hosted only: weights are not available to deploy" : m.provider}
                  />
                );
              })}
            </RadioGroup>
          )}
        </Field>
      )}
    />
  );
}
