"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { Controller } from "react-hook-form";
import { Search } from "lucide-react";
import { describedBy, Field } from "@/components/deployments/field";
import { ChoiceCard } from "@/components/deployments/wizard/choice-card";
import { Input } from "@/components/ui/input";
import { RadioGroup } from "@/components/ui/radio-group";
import { Skeleton } from "@/components/ui/skeleton";
import { formatContextWindow } from "@/lib/model-size";
import { isFineTunable } from "@/lib/training/models";
import { api } from "@/trpc/react";
import { useConfiguratorForm } from "./use-configurator-form";

/** Base model: the catalog's fine-tunable models only (chat and code, weights available, not deprecated). */
export function BaseModelSection() {
  const { control } = useConfiguratorForm();
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const list = api.models.list.useQuery({ search: deferred || undefined }, { placeholderData: (prev) => prev });
  const tunable = useMemo(() => list.data?.filter(isFineTunable) ?? [], [list.data]);

  return (
    <Controller
      control={control}
      name="baseModelId"
      render={({ field, fieldState }) => (
        <Field
          name="baseModelId"
          label="Base model"
          asGroupLabel
          error={fieldState.error?.message}
          hint="Only models whose weights we can train are listed: chat and code models, not deprecated."
        >
          <div className="relative">
            <Search
              className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
              aria-hidden
            />
            <Input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              // Enter here means "search", not "start training".
              onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
              placeholder="Search: llama, mistral, qwen…"
              aria-label="Search base models"
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
          ) : tunable.length === 0 ? (
            <p className="text-sm text-muted-foreground">No fine-tunable models match “{deferred}”.</p>
          ) : (
            <RadioGroup
              ref={field.ref}
              value={field.value}
              onValueChange={field.onChange}
              aria-labelledby="f-baseModelId-label"
              {...describedBy("baseModelId", { error: fieldState.error?.message, hint: true })}
              className="grid max-h-80 gap-2 overflow-y-auto p-0.5 sm:grid-cols-2"
            >
              {tunable.map((m) => (
                <ChoiceCard
                  key={m.id}
                  id={`base-model-${m.id}`}
                  value={m.id}
                  checked={field.value === m.id}
                  title={m.name}
                  meta={`${m.parameterSize} · ${formatContextWindow(m.contextWindow)}`}
                  detail={`${m.provider}${m.license ? ` · ${m.license}` : ""}`}
                />
              ))}
            </RadioGroup>
          )}
        </Field>
      )}
    />
  );
}
