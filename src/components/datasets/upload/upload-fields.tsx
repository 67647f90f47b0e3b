"use client";

import { Controller, useFormContext } from "react-hook-form";
import { describedBy, Field } from "@/components/deployments/field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatContextWindow } from "@/lib/model-size";
import { NO_MODEL, SPLITS, type UploadFormValues } from "./upload-schema";

export interface BaseModelOption {
  id: string;
  name: string;
  contextWindow: number;
}

/** Name, description, base model (its context length is checked) and validation split. */
export function UploadFields({ models, disabled }: { models: BaseModelOption[]; disabled: boolean }) {
  const { register, control, formState } = useFormContext<UploadFormValues>();
  const nameError = formState.errors.name?.message;
  const descriptionError = formState.errors.description?.message;
  return (
    <fieldset className="flex flex-col gap-4" disabled={disabled}>
      <Field name="name" label="Name" error={nameError}>
        <Input autoComplete="off" {...describedBy("name", { error: nameError })} {...register("name")} />
      </Field>
      <Field name="description" label="Description" hint="Optional: what the data is and where it came from." error={descriptionError}>
        <Textarea rows={2} {...describedBy("description", { error: descriptionError, hint: true })} {...register("description")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Controller
          control={control}
          name="baseModelId"
          render={({ field }) => (
            <Field name="baseModelId" label="Base model" hint="Examples longer than its context are flagged.">
              <Select value={field.value} onValueChange={field.onChange} disabled={disabled}>
                <SelectTrigger className="w-full" {...describedBy("baseModelId", { hint: true })} onBlur={field.onBlur}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={NO_MODEL}>Decide later</SelectItem>
                  {models.map((m) => (
                    <SelectItem key={m.id} value={m.id}>
                      {m.name} <span className="text-muted-foreground">· {formatContextWindow(m.contextWindow)}</span>
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          )}
        />
        <Controller
          control={control}
          name="validationSplit"
          render={({ field }) => (
            <Field name="validationSplit" label="Validation split" hint="Examples held out to measure training.">
              <Select value={field.value} onValueChange={field.onChange} disabled={disabled}>
                <SelectTrigger className="w-full" {...describedBy("validationSplit", { hint: true })} onBlur={field.onBlur}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {SPLITS.map((s) => (
                    <SelectItem key={s.value} value={s.value}>
                      {s.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          )}
        />
      </div>
    </fieldset>
  );
}
