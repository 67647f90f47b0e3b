"use client";

import { useFieldArray } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LIMITS } from "@/lib/deployments/schema";
import { describedBy, fieldIds } from "../field";
import { useWizardForm } from "./use-wizard-form";

/**
 * Environment variables or secrets: rows of name + value with add/remove. Secret values are
 * write-only: a password box that the browser must not remember, and never kept in the draft.
 */
export function KeyValueList(props: { name: "environment.envVars" | "environment.secrets"; label: string; hint: string; secret?: boolean }) {
  const { control, register, getFieldState, formState } = useWizardForm();
  const { fields, append, remove } = useFieldArray({ control, name: props.name });
  const listError = getFieldState(props.name, formState).error;
  const ids = fieldIds(props.name);
  const noun = props.secret ? "secret" : "variable";

  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={ids.hint}>
      <legend className="mb-2 text-sm font-medium">{props.label}</legend>
      <p id={ids.hint} className="-mt-1 text-xs text-muted-foreground">
        {props.hint}
      </p>
      {fields.length === 0 ? <p className="text-xs text-muted-foreground italic">None yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {fields.map((row, i) => {
          const keyPath = `${props.name}.${i}.key` as const;
          const valuePath = `${props.name}.${i}.value` as const;
          const keyError = getFieldState(keyPath, formState).error?.message;
          const valueError = getFieldState(valuePath, formState).error?.message;
          return (
            <li key={row.id} className="flex flex-col gap-1">
              <div className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
                <Input
                  placeholder="NAME"
                  aria-label={`${props.secret ? "Secret" : "Variable"} ${i + 1} name`}
                  autoComplete="off"
                  spellCheck={false}
                  className="font-mono text-xs"
                  {...describedBy(keyPath, { error: keyError })}
                  {...register(keyPath)}
                />
                <Input
                  type={props.secret ? "password" : "text"}
                  placeholder={props.secret ? "value (write-only)" : "value"}
                  aria-label={`${props.secret ? "Secret" : "Variable"} ${i + 1} value`}
                  autoComplete={props.secret ? "new-password" : "off"}
                  spellCheck={false}
                  className="font-mono text-xs"
                  {...describedBy(valuePath, { error: valueError })}
                  {...register(valuePath)}
                />
                <Button type="button" variant="ghost" size="icon" onClick={() => remove(i)} aria-label={`Remove ${noun} ${i + 1}`}>
                  <Trash2 />
                </Button>
              </div>
              {keyError || valueError ? (
                <p className="text-xs font-medium text-destructive" role="alert">
                  <span id={fieldIds(keyPath).error}>{keyError}</span> <span id={fieldIds(valuePath).error}>{valueError}</span>
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {listError?.message ? (
        <p className="text-xs font-medium text-destructive" role="alert">
          {listError.message}
        </p>
      ) : null}
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="w-fit"
        disabled={fields.length >= (props.secret ? LIMITS.secrets : LIMITS.envVars)}
        onClick={() => append({ key: "", value: "" })}
      >
        <Plus /> Add {noun}
      </Button>
    </fieldset>
  );
}
