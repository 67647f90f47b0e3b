"use client";

import { Controller } from "react-hook-form";
import { TriangleAlert } from "lucide-react";
import { describedBy, Field } from "@/components/deployments/field";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { QUANTIZATION_LABELS, QUANTIZATIONS } from "@/lib/training/schema";
import { cn } from "@/lib/utils";
import { useConfiguratorForm } from "./use-configurator-form";

/** How the base model's weights are held while training; 4-bit is QLoRA. */
export function QuantizationField({ warning }: { warning?: string }) {
  const { control } = useConfiguratorForm();
  const hint = warning ? (
    <span className="flex items-start gap-1.5 text-amber-700 dark:text-amber-400" data-warning="quantization">
      <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      {warning}
    </span>
  ) : (
    "Fewer bits need less GPU memory and train a little slower; 16-bit is the usual choice."
  );
  return (
    <Controller
      control={control}
      name="quantization"
      render={({ field, fieldState }) => (
        <Field name="quantization" label="Base model weights" asGroupLabel hint={hint} error={fieldState.error?.message}>
          <RadioGroup
            ref={field.ref}
            value={field.value}
            onValueChange={field.onChange}
            aria-labelledby="f-quantization-label"
            {...describedBy("quantization", { error: fieldState.error?.message, hint: true })}
            className="flex flex-wrap gap-2"
          >
            {QUANTIZATIONS.map((q) => (
              <label
                key={q}
                htmlFor={`quantization-${q}`}
                data-checked={field.value === q || undefined}
                className={cn(
                  "flex cursor-pointer items-center gap-2 rounded-lg border bg-background px-3 py-2 text-sm font-medium transition-colors hover:bg-accent/50",
                  "data-[checked]:border-primary data-[checked]:bg-primary/5",
                )}
              >
                <RadioGroupItem id={`quantization-${q}`} value={q} />
                {QUANTIZATION_LABELS[q]}
              </label>
            ))}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
