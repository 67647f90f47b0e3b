"use client";

import { Controller, type FieldPathByValue } from "react-hook-form";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import type { DeploymentConfigInput } from "@/lib/deployments/schema";
import { cn } from "@/lib/utils";
import { describedBy, Field, fieldIds } from "../field";
import { useWizardForm } from "./use-wizard-form";

export interface RadioOption {
  value: string;
  label: string;
  detail?: string;
}

/** A small set of mutually exclusive choices (arrow keys move between them). */
export function RadioField(props: {
  name: FieldPathByValue<DeploymentConfigInput, string>;
  label: React.ReactNode;
  hint?: React.ReactNode;
  options: readonly RadioOption[];
  /** Lay options out as chips in a row rather than a list with details. */
  inline?: boolean;
  onValueChange?: (value: string) => void;
  className?: string;
}) {
  const { control } = useWizardForm();
  const ids = fieldIds(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Field name={props.name} label={props.label} hint={props.hint} error={fieldState.error?.message} asGroupLabel className={props.className}>
          <RadioGroup
            ref={field.ref}
            value={field.value}
            onValueChange={(v) => {
              field.onChange(v);
              props.onValueChange?.(v);
            }}
            aria-labelledby={`${ids.control}-label`}
            {...describedBy(props.name, { error: fieldState.error?.message, hint: Boolean(props.hint) })}
            className={props.inline ? "flex flex-wrap gap-2" : "grid gap-2 sm:grid-cols-3"}
          >
            {props.options.map((o) => {
              const id = `${ids.control}-${o.value}`;
              return (
                <label
                  key={o.value}
                  htmlFor={id}
                  data-checked={field.value === o.value || undefined}
                  className={cn(
                    "flex cursor-pointer items-start gap-2.5 rounded-lg border bg-background px-3 py-2.5 transition-colors hover:bg-accent/50",
                    "data-[checked]:border-primary data-[checked]:bg-primary/5",
                    props.inline && "items-center py-2",
                  )}
                >
                  <RadioGroupItem id={id} value={o.value} className={props.inline ? undefined : "mt-0.5"} />
                  <span className="flex flex-col gap-0.5">
                    <span className="text-sm font-medium">{o.label}</span>
                    {o.detail && !props.inline ? <span className="text-xs text-muted-foreground">{o.detail}</span> : null}
                  </span>
                </label>
              );
            })}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
