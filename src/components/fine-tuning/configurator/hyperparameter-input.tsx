"use client";

import { TriangleAlert } from "lucide-react";
import { describedBy, Field } from "@/components/deployments/field";
import { Input } from "@/components/ui/input";
import { PRESET_FIELDS, presetFor } from "@/lib/training/presets";
import { type Hyperparameters, TRAINING_LIMITS } from "@/lib/training/schema";
import { useConfiguratorForm, useFieldError } from "./use-configurator-form";

type Key = keyof Hyperparameters;

const PRESET_KEYS: ReadonlySet<string> = new Set(PRESET_FIELDS);

/**
 * One hyperparameter as a number box (an empty box is NaN, which the schema reports). Its warning
 * for an extreme value sits under it in place of the range hint; editing one of a preset's six
 * values re-labels the preset (Custom, or the preset those values are).
 */
export function HyperparameterInput(props: {
  name: Key;
  label: string;
  warning?: string;
  step?: number | "any";
  decimal?: boolean;
  suffix?: string;
}) {
  const { register, getValues, setValue } = useConfiguratorForm();
  const path = `hyperparameters.${props.name}` as const;
  const error = useFieldError(path);
  const limits = TRAINING_LIMITS[props.name];
  const hint = props.warning ? (
    <span className="flex items-start gap-1.5 text-amber-700 dark:text-amber-400" data-warning={path}>
      <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
      {props.warning}
    </span>
  ) : (
    `${limits.min}–${new Intl.NumberFormat("en-US").format(limits.max)}`
  );

  return (
    <Field name={path} label={props.label} hint={hint} error={error}>
      <div className="relative">
        <Input
          type="number"
          inputMode={props.decimal ? "decimal" : "numeric"}
          min={limits.min}
          max={limits.max}
          step={props.step ?? 1}
          className={props.suffix ? "pr-16 tabular-nums" : "tabular-nums"}
          {...describedBy(path, { error, hint: true })}
          {...register(path, {
            valueAsNumber: true,
            onChange: () => {
              if (!PRESET_KEYS.has(props.name)) return;
              const next = presetFor(getValues("hyperparameters"));
              if (next !== getValues("presetId")) setValue("presetId", next, { shouldDirty: true });
            },
          })}
        />
        {props.suffix ? (
          <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-muted-foreground">
            {props.suffix}
          </span>
        ) : null}
      </div>
    </Field>
  );
}
