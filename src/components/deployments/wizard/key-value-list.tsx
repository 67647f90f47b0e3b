"use client";

import { useFieldArray } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LIMITS } from "@/lib/deployments/schema";
import { describedBy, fieldIds } from "../field";
import { useFieldError, useWizardForm } from "./use-wizard-form";

/**
 * Environment variables or secrets: rows of name + value with add/remove. Secret values are
 * write-only: a password box that the browser must not remember, and never kept in the draft.
 */
type ListName = "environment.envVars" | "environment.secrets";

export function KeyValueList(props: { name: ListName; label: string; hint: string; secret?: boolean }) {
  const { control } = useWizardForm();
  const { fields, append, remove } = useFieldArray({ control, name: props.name });
  const listError = useFieldError(props.name);
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
        {fields.map((row, i) => (
          <KeyValueRow key={row.id} list={props.name} index={i} secret={props.secret} onRemove={() => remove(i)} />
        ))}
      </ul>
      {listError ? (
        <p className="text-xs font-medium text-destructive" role="alert">
          {listError}
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

function KeyValueRow(props: { list: ListName; index: number; secret?: boolean; onRemove: () => void }) {
  const { register } = useWizardForm();
  const keyPath = `${props.list}.${props.index}.key` as const;
  const valuePath = `${props.list}.${props.index}.value` as const;
  const keyError = useFieldError(keyPath);
  const valueError = useFieldError(valuePath);
  const what = props.secret ? "Secret" : "Variable";
  const n = props.index + 1;
  return (
    <li className="flex flex-col gap-1">
      <div className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
        <Input
          placeholder="NAME"
          aria-label={`${what} ${n} name`}
          autoComplete="off"
          spellCheck={false}
          className="font-mono text-xs"
          {...describedBy(keyPath, { error: keyError })}
          {...register(keyPath)}
        />
        <Input
          type={props.secret ? "password" : "text"}
          placeholder={props.secret ? "value (write-only)" : "value"}
          aria-label={`${what} ${n} value`}
          autoComplete={props.secret ? "new-password" : "off"}
          spellCheck={false}
          className="font-mono text-xs"
          {...describedBy(valuePath, { error: valueError })}
          {...register(valuePath)}
        />
        <Button type="button" variant="ghost" size="icon" onClick={props.onRemove} aria-label={`Remove ${what.toLowerCase()} ${n}`}>
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
}
