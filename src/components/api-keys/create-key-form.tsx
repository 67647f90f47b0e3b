"use client";

import { useMemo } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import { describedBy, Field } from "@/components/deployments/field";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectSeparator, SelectTrigger, SelectValue } from "@/components/ui/select";
import { API_KEY_NAME_MAX } from "@/lib/gateway/api-keys";
import { api } from "@/trpc/react";
import { ALL_DEPLOYMENTS, dayOf, formFieldOfServerError, type KeyFormValues, keyFormSchema, toCreateInput } from "./key-form";

export interface CreatedKey {
  key: string;
  name: string;
}

/** Name, scope and expiry; on success hands the one-time key up, server errors land under their field. */
export function CreateKeyForm(props: { initialScope?: string; onCreated: (created: CreatedKey) => void; onCancel: () => void }) {
  const utils = api.useUtils();
  const deployments = api.deployments.list.useQuery({ limit: 100 });
  const options = useMemo(() => (deployments.data?.items ?? []).filter((d) => d.status !== "deleting" && d.status !== "deleted"), [deployments.data]);
  const schema = useMemo(() => keyFormSchema(), []);
  const form = useForm<KeyFormValues>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", scope: props.initialScope ?? ALL_DEPLOYMENTS, expires: "" },
  });
  const create = api.apiKeys.create.useMutation({
    onSuccess: async (res) => {
      props.onCreated({ key: res.key, name: res.apiKey.name });
      await utils.apiKeys.list.invalidate();
    },
    onError: (err) => {
      const { field, message } = formFieldOfServerError(err.message);
      form.setError(field ?? "root", { message }, { shouldFocus: field !== null });
    },
  });
  const { errors } = form.formState;
  const scopeStillLoading = props.initialScope && props.initialScope !== ALL_DEPLOYMENTS && deployments.isPending;

  return (
    <form aria-label="Create API key" noValidate className="flex flex-col gap-4" onSubmit={form.handleSubmit((v) => create.mutate(toCreateInput(v)))}>
      <Field name="key-name" label="Name" hint="Where the key is used, e.g. “CI” or “laptop”." error={errors.name?.message}>
        <Input
          autoComplete="off"
          autoFocus
          maxLength={API_KEY_NAME_MAX}
          {...describedBy("key-name", { error: errors.name?.message, hint: true })}
          {...form.register("name")}
        />
      </Field>
      <Controller
        control={form.control}
        name="scope"
        render={({ field, fieldState }) => (
          <Field name="key-scope" label="Can call" error={fieldState.error?.message}>
            <Select value={field.value} onValueChange={field.onChange} disabled={Boolean(scopeStillLoading)}>
              <SelectTrigger ref={field.ref} className="w-full" {...describedBy("key-scope", { error: fieldState.error?.message })}>
                <SelectValue placeholder="Loading deployments…" />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={ALL_DEPLOYMENTS}>All my deployments</SelectItem>
                {options.length ? <SelectSeparator /> : null}
                {options.map((d) => (
                  <SelectItem key={d.id} value={d.id}>
                    <span className="font-mono">{d.name}</span> <span className="text-muted-foreground">only</span>
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
        )}
      />
      <Field name="key-expires" label="Expires" hint="Optional: the key stops working after this day." error={errors.expires?.message}>
        <Input type="date" min={dayOf(new Date())} className="w-full sm:w-48" {...describedBy("key-expires", { error: errors.expires?.message, hint: true })} {...form.register("expires")} />
      </Field>
      {errors.root ? (
        <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 p-2 text-sm text-destructive">
          {errors.root.message}
        </p>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </Button>
      </DialogFooter>
    </form>
  );
}
