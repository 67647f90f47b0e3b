"use client";

import type { FieldPathByValue } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { DeploymentConfigInput } from "@/lib/deployments/schema";
import { describedBy, Field } from "../field";
import { useFieldError, useWizardForm } from "./use-wizard-form";

// `| undefined`: fields with a schema default (the rate limits) are optional in the input type.
type NumberPath = FieldPathByValue<DeploymentConfigInput, number | undefined>;

/** A whole-number input registered as a number (an empty box is NaN, which the schema reports). */
export function NumberField(props: {
  name: NumberPath;
  label: React.ReactNode;
  hint?: React.ReactNode;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  className?: string;
}) {
  const { register } = useWizardForm();
  const error = useFieldError(props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error} className={props.className}>
      <div className="relative">
        <Input
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          className={props.suffix ? "pr-14 tabular-nums" : "tabular-nums"}
          {...describedBy(props.name, { error, hint: Boolean(props.hint) })}
          {...register(props.name, { valueAsNumber: true })}
        />
        {props.suffix ? (
          <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-muted-foreground">{props.suffix}</span>
        ) : null}
      </div>
    </Field>
  );
}
