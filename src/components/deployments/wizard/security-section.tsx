"use client";

import { Controller } from "react-hook-form";
import { KeyRound } from "lucide-react";
import { Switch } from "@/components/ui/switch";
import { ADD_ONS } from "@/lib/pricing";
import { describedBy, fieldIds } from "../field";
import { RadioField } from "./radio-field";
import { useWizardForm } from "./use-wizard-form";

const ACCESS = [
  { value: "authenticated", label: "Authenticated", detail: "Anyone with the endpoint's API token" },
  { value: "public", label: "Public", detail: "Anyone on the internet, no token" },
  { value: "private", label: "Private", detail: "Only from your network, via a private endpoint" },
] as const;

const perMonth = (mills: number) => `$${((mills * 730) / 1000).toFixed(2)}/month while running`;

/** Security: who may call the endpoint, the private endpoint and request logging add-ons. */
export function SecuritySection() {
  return (
    <>
      <RadioField name="security.access" label="Access" options={ACCESS} />
      <div className="grid gap-3 md:grid-cols-2">
        <SwitchRow name="security.privateEndpoint" label={ADD_ONS.privateEndpoint.label} detail={`PrivateLink into your VPC · ${perMonth(ADD_ONS.privateEndpoint.hourlyMills)}`} />
        <SwitchRow name="security.requestLogging" label={ADD_ONS.requestLogging.label} detail={`Keep request and response logs · ${perMonth(ADD_ONS.requestLogging.hourlyMills)}`} />
      </div>
      <p className="flex items-start gap-2 rounded-lg bg-muted/60 p-3 text-xs text-muted-foreground">
        <KeyRound className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        An API token is generated when you deploy and shown once: copy it then. Only a hash is stored.
      </p>
    </>
  );
}

function SwitchRow(props: { name: "security.privateEndpoint" | "security.requestLogging"; label: string; detail: string }) {
  const { control } = useWizardForm();
  const ids = fieldIds(props.name);
  return (
    <Controller
      control={control}
      name={props.name}
      render={({ field, fieldState }) => (
        <div className="flex flex-col gap-1.5 rounded-lg border bg-background p-3">
          <div className="flex items-center justify-between gap-3">
            <label htmlFor={ids.control} className="flex flex-col gap-0.5">
              <span className="text-sm font-medium">{props.label}</span>
              <span id={ids.hint} className="text-xs text-muted-foreground">
                {props.detail}
              </span>
            </label>
            <Switch
              ref={field.ref}
              checked={field.value}
              onCheckedChange={field.onChange}
              onBlur={field.onBlur}
              {...describedBy(props.name, { error: fieldState.error?.message, hint: true })}
            />
          </div>
          {fieldState.error ? (
            <p id={ids.error} role="alert" className="text-xs font-medium text-destructive">
              {fieldState.error.message}
            </p>
          ) : null}
        </div>
      )}
    />
  );
}
