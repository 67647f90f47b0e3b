"use client";

import { Controller, useWatch } from "react-hook-form";
import { describedBy, Field, fieldIds } from "@/components/deployments/field";
import { hourlyText } from "@/components/deployments/wizard/hardware-options";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { cn } from "@/lib/utils";
import type { TrainingGpuChoice } from "./gpu-options";
import { useConfiguratorForm } from "./use-configurator-form";

/** GPU count among the sizes the chosen type comes in; sizes too small for the job are disabled. */
export function GpuCountField({ choices }: { choices: TrainingGpuChoice[] }) {
  const { control } = useConfiguratorForm();
  const typeId = useWatch({ control, name: "gpu.instanceTypeId" });
  const choice = choices.find((c) => c.type.id === typeId);
  const ids = fieldIds("gpu.gpuCount");
  const usable = (choice?.sizes ?? []).filter((s) => s.fit === null || s.fit.fits).map((s) => s.gpuCount);

  // Arrow keys pick the next usable size in the same event (the estimate follows at once), as the
  // deployment wizard's GPU count does; Radix alone would skip disabled items a tick later.
  function onArrow(e: React.KeyboardEvent, current: number, onChange: (n: number) => void) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step || usable.length === 0) return;
    e.preventDefault();
    const at = usable.indexOf(current);
    const next = usable[(at + step + usable.length) % usable.length]!;
    onChange(next);
    document.getElementById(`${ids.control}-${next}`)?.focus();
  }

  return (
    <Controller
      control={control}
      name="gpu.gpuCount"
      render={({ field, fieldState }) => (
        <Field name="gpu.gpuCount" label="GPU count" asGroupLabel error={fieldState.error?.message}>
          <RadioGroup
            ref={field.ref}
            value={String(field.value)}
            onValueChange={(v) => field.onChange(Number(v))}
            aria-labelledby={`${ids.control}-label`}
            {...describedBy("gpu.gpuCount", { error: fieldState.error?.message })}
            className="flex flex-wrap gap-2"
          >
            {(choice?.sizes ?? []).map((s) => {
              const id = `${ids.control}-${s.gpuCount}`;
              const tooSmall = s.fit !== null && !s.fit.fits;
              return (
                <label
                  key={s.gpuCount}
                  htmlFor={id}
                  title={tooSmall ? s.fit?.reason : undefined}
                  data-disabled={tooSmall || undefined}
                  data-checked={field.value === s.gpuCount || undefined}
                  className={cn(
                    "flex min-w-20 cursor-pointer flex-col items-center gap-1 rounded-lg border bg-background px-3 py-2 transition-colors hover:bg-accent/50",
                    "data-[checked]:border-primary data-[checked]:bg-primary/5",
                    "data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50",
                  )}
                >
                  <span className="flex items-center gap-2 text-sm font-medium">
                    <RadioGroupItem
                      id={id}
                      value={String(s.gpuCount)}
                      disabled={tooSmall}
                      aria-label={`${s.gpuCount} GPU${s.gpuCount === 1 ? "" : "s"}`}
                      onKeyDown={(e) => onArrow(e, field.value, field.onChange)}
                    />
                    {s.gpuCount}×
                  </span>
                  <span className="text-[11px] text-muted-foreground tabular-nums">{hourlyText(s.hourlyMills)}</span>
                </label>
              );
            })}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
