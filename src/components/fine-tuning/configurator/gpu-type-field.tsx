"use client";

import { Controller } from "react-hook-form";
import { describedBy, Field } from "@/components/deployments/field";
import { ChoiceCard } from "@/components/deployments/wizard/choice-card";
import { hourlyText } from "@/components/deployments/wizard/hardware-options";
import { RadioGroup } from "@/components/ui/radio-group";
import { gpuCountFor, type TrainingGpuChoice } from "./gpu-options";
import { useConfiguratorForm, useSelectedBaseModel } from "./use-configurator-form";

/** GPU type: types whose largest size cannot hold the job are disabled, with why. */
export function GpuTypeField({ choices }: { choices: TrainingGpuChoice[] }) {
  const { control, getValues, setValue } = useConfiguratorForm();
  const model = useSelectedBaseModel();
  return (
    <Controller
      control={control}
      name="gpu.instanceTypeId"
      render={({ field, fieldState }) => (
        <Field
          name="gpu.instanceTypeId"
          label="GPU type"
          asGroupLabel
          error={fieldState.error?.message}
          hint={model ? `Types that cannot hold ${model.name} with these settings are disabled.` : undefined}
        >
          <RadioGroup
            ref={field.ref}
            value={field.value}
            onValueChange={(id) => {
              field.onChange(id);
              const choice = choices.find((c) => c.type.id === id);
              if (choice) setValue("gpu.gpuCount", gpuCountFor(choice, getValues("gpu.gpuCount")), { shouldValidate: true });
            }}
            aria-labelledby="f-gpu-instanceTypeId-label"
            {...describedBy("gpu.instanceTypeId", { error: fieldState.error?.message, hint: Boolean(model) })}
            className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-4"
          >
            {choices.map((c) => (
              <ChoiceCard
                key={c.type.id}
                id={`gpu-${c.type.id}`}
                value={c.type.id}
                disabled={c.disabled}
                checked={field.value === c.type.id}
                title={c.type.label.replace(/^NVIDIA /, "")}
                meta={`from ${hourlyText(c.sizes[0]!.hourlyMills)}`}
                detail={c.reason ?? `${c.type.vramPerGpuGb} GB per GPU · ${c.sizes.map((s) => s.gpuCount).join("/")} GPUs`}
              />
            ))}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
