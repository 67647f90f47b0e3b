"use client";

import { Controller } from "react-hook-form";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { REGIONS } from "@/lib/pricing";
import { describedBy, Field } from "../field";
import { KeyValueList } from "./key-value-list";
import { RadioField } from "./radio-field";
import { useWizardForm } from "./use-wizard-form";

const TYPES = [
  { value: "production", label: "Production" },
  { value: "staging", label: "Staging" },
  { value: "development", label: "Development" },
] as const;

const PRIORITIES = [
  { value: "low", label: "Low" },
  { value: "normal", label: "Normal" },
  { value: "high", label: "High" },
] as const;

export function regionText(pricePercent: number) {
  return pricePercent === 100 ? "list price" : `${pricePercent > 100 ? "+" : "−"}${Math.abs(pricePercent - 100)}% compute`;
}

/** Environment: type, region (priced), request priority, variables and write-only secrets. */
export function EnvironmentSection() {
  const { control } = useWizardForm();
  return (
    <>
      <div className="grid gap-5 md:grid-cols-2">
        <RadioField name="environment.type" label="Environment" options={TYPES} inline />
        <RadioField name="environment.priority" label="Request priority" options={PRIORITIES} inline />
      </div>
      <Controller
        control={control}
        name="environment.region"
        render={({ field, fieldState }) => (
          <Field name="environment.region" label="Region" error={fieldState.error?.message} hint="Compute is priced per region; add-ons are not.">
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger
                ref={field.ref}
                className="w-full sm:w-96"
                {...describedBy("environment.region", { error: fieldState.error?.message, hint: true })}
              >
                <SelectValue placeholder="Choose a region" />
              </SelectTrigger>
              <SelectContent position="popper">
                {REGIONS.map((r) => (
                  <SelectItem key={r.id} value={r.id}>
                    {r.label} <span className="text-muted-foreground">· {r.id} · {regionText(r.pricePercent)}</span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
        )}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <KeyValueList name="environment.envVars" label="Environment variables" hint="Passed to the container as is, e.g. MAX_INPUT_TOKENS." />
        <KeyValueList
          name="environment.secrets"
          label="Secrets"
          hint="Write-only: stored encrypted and never shown again, only their names. Not kept in the draft."
          secret
        />
      </div>
    </>
  );
}
