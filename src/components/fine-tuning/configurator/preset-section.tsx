"use client";

import { Controller } from "react-hook-form";
import { RadioGroupItem, RadioGroup } from "@/components/ui/radio-group";
import { describedBy, Field } from "@/components/deployments/field";
import { NAMED_PRESET_IDS, PRESETS, type PresetId, applyPreset, isPresetId } from "@/lib/training/presets";
import { cn } from "@/lib/utils";
import { useConfiguratorForm } from "./use-configurator-form";

const CARDS: { id: PresetId; label: string; description: string; facts: string[] }[] = [
  ...NAMED_PRESET_IDS.map((id) => {
    const v = PRESETS[id].values;
    return {
      id,
      label: PRESETS[id].label,
      description: PRESETS[id].description,
      facts: [`LR ${v.learningRate}`, `batch ${v.batchSize}`, `${v.epochs} epochs`, `rank ${v.loraRank}`],
    };
  }),
  {
    id: "custom",
    label: "Custom",
    description: "Your own values: set them in Advanced settings.",
    facts: [],
  },
];

/** Preset cards: choosing one overwrites its six settings; editing any of them makes the configuration Custom. */
export function PresetSection({ onCustom }: { onCustom: () => void }) {
  const { control, getValues, setValue, formState } = useConfiguratorForm();

  function choose(id: string, onChange: (v: string) => void) {
    if (!isPresetId(id)) return;
    const next = applyPreset(getValues(), id);
    onChange(next.presetId);
    if (id === "custom") return onCustom();
    setValue("hyperparameters", next.hyperparameters, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }

  /**
   * Arrow keys choose the next preset in the same event (the estimate follows at once). Radix would
   * move focus a tick later and check the item only if the key were still down then.
   */
  function onArrow(e: React.KeyboardEvent, current: string, onChange: (v: string) => void) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const at = CARDS.findIndex((c) => c.id === current);
    const next = CARDS[(at + step + CARDS.length) % CARDS.length]!.id;
    choose(next, onChange);
    document.getElementById(`preset-${next}`)?.focus();
  }

  return (
    <Controller
      control={control}
      name="presetId"
      render={({ field, fieldState }) => (
        <Field name="presetId" label="Preset" asGroupLabel error={fieldState.error?.message}>
          <RadioGroup
            ref={field.ref}
            value={field.value}
            onValueChange={(id) => choose(id, field.onChange)}
            aria-labelledby="f-presetId-label"
            {...describedBy("presetId", { error: fieldState.error?.message })}
            className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-4"
          >
            {CARDS.map((c) => {
              const id = `preset-${c.id}`;
              const checked = field.value === c.id;
              return (
                <label
                  key={c.id}
                  htmlFor={id}
                  data-checked={checked || undefined}
                  data-testid={`preset-${c.id}`}
                  className={cn(
                    "flex cursor-pointer flex-col gap-2 rounded-lg border bg-background p-3 transition-colors hover:bg-accent/50",
                    "data-[checked]:border-primary data-[checked]:bg-primary/5 data-[checked]:ring-1 data-[checked]:ring-primary/30",
                  )}
                >
                  <span className="flex items-center gap-2">
                    <RadioGroupItem
                      id={id}
                      value={c.id}
                      aria-label={c.label}
                      aria-describedby={`${id}-description`}
                      onKeyDown={(e) => onArrow(e, field.value, field.onChange)}
                    />
                    <span className="text-sm font-semibold">{c.label}</span>
                  </span>
                  <span id={`${id}-description`} className="text-xs text-muted-foreground">
                    {c.description}
                  </span>
                  {c.id === "custom" ? null : (
                    <span className="mt-auto text-[11px] text-muted-foreground tabular-nums" aria-hidden>
                      {c.facts.join(" · ")}
                    </span>
                  )}
                </label>
              );
            })}
          </RadioGroup>
        </Field>
      )}
    />
  );
}
