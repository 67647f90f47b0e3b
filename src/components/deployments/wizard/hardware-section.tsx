"use client";

import { useMemo } from "react";
import { Controller, useWatch } from "react-hook-form";
import { RadioGroup } from "@/components/ui/radio-group";
import { PRECISIONS } from "@/lib/deployments/schema";
import { describedBy, Field, fieldIds } from "../field";
import { ChoiceCard } from "./choice-card";
import { FitMeter } from "./fit-meter";
import { GpuCountField } from "./gpu-count-field";
import { gpuCountFor, hardwareChoices, hourlyText } from "./hardware-options";
import { asPrecision, PRECISION_DETAIL } from "./hardware-text";
import { RadioField } from "./radio-field";
import { useSelectedModel, useWizardForm } from "./use-wizard-form";

/** Hardware: instance type (those that cannot hold the model are disabled, with why), GPU count, precision. */
export function HardwareSection() {
  const { control, setValue, getValues } = useWizardForm();
  const model = useSelectedModel();
  const precision = useWatch({ control, name: "hardware.precision" });
  const choices = useMemo(
    () => hardwareChoices(model, asPrecision(precision)),
    [model, precision],
  );
  const ids = fieldIds("hardware.instanceTypeId");

  return (
    <>
      <Controller
        control={control}
        name="hardware.instanceTypeId"
        render={({ field, fieldState }) => (
          <Field
            name="hardware.instanceTypeId"
            label="Instance type"
            asGroupLabel
            error={fieldState.error?.message}
            hint={model ? `Types that cannot hold ${model.name} at ${precision} are disabled.` : "Choose a model to see which types can hold it."}
          >
            <RadioGroup
              ref={field.ref}
              value={field.value}
              onValueChange={(id) => {
                field.onChange(id);
                const choice = choices.find((c) => c.type.id === id);
                if (choice) setValue("hardware.gpuCount", gpuCountFor(choice, getValues("hardware.gpuCount")), { shouldValidate: true });
              }}
              aria-labelledby={`${ids.control}-label`}
              {...describedBy("hardware.instanceTypeId", { error: fieldState.error?.message, hint: true })}
              className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3"
            >
              {choices.map((c) => (
                <ChoiceCard
                  key={c.type.id}
                  id={`instance-${c.type.id}`}
                  value={c.type.id}
                  disabled={c.disabled}
                  checked={field.value === c.type.id}
                  title={c.type.label}
                  meta={`from ${hourlyText(c.sizes[0]!.hourlyMills)}`}
                  detail={
                    c.reason ??
                    (c.type.accelerator === "gpu"
                      ? `${c.type.vramPerGpuGb} GB per GPU · ${c.sizes.map((s) => s.gpuCount).join("/")} GPUs`
                      : `${c.type.sizes[0]!.vCpu} vCPU · ${c.type.sizes[0]!.ramGb} GB RAM`)
                  }
                />
              ))}
            </RadioGroup>
          </Field>
        )}
      />
      <div className="grid gap-5 md:grid-cols-2">
        <GpuCountField choices={choices} />
        <RadioField
          name="hardware.precision"
          label="Precision"
          options={PRECISIONS.map((p) => ({ value: p, label: p, detail: PRECISION_DETAIL[p] }))}
          inline
          hint="Lower precision needs less memory; int4 costs some quality."
        />
      </div>
      <FitMeter />
    </>
  );
}
