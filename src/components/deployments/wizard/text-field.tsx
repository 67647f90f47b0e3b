"use client";

import type { FieldPathByValue } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { DeploymentConfigInput } from "@/lib/deployments/schema";
import { describedBy, Field } from "../field";
import { useFieldError, useWizardForm } from "./use-wizard-form";

/** A registered text input with its label, hint and error. */
export function TextField(props: {
  name: FieldPathByValue<DeploymentConfigInput, string>;
  label: React.ReactNode;
  hint?: React.ReactNode;
  placeholder?: string;
  className?: string;
  inputClassName?: string;
}) {
  const { register } = useWizardForm();
  const error = useFieldError(props.name);
  return (
    <Field name={props.name} label={props.label} hint={props.hint} error={error} className={props.className}>
      <Input
        placeholder={props.placeholder}
        autoComplete="off"
        spellCheck={false}
        className={props.inputClassName}
        {...describedBy(props.name, { error, hint: Boolean(props.hint) })}
        {...register(props.name)}
      />
    </Field>
  );
}
