"use client";

import { Controller } from "react-hook-form";
import { KeyRound } from "lucide-react";
import { Switch } from "@/components/ui/switch";
import { DEFAULT_RATE_LIMITS, LIMITS } from "@/lib/deployments/schema";
import { ADD_ONS } from "@/lib/pricing";
import { describedBy, fieldIds } from "../field";
import { NumberField } from "./number-field";
import { RadioField } from "./radio-field";
import { useWizardForm } from "./use-wizard-form";

const ACCESS = [
  { value: "authenticated", label: "Authenticated", detail: "Anyone with the endpoint's API token" },
  { value: "public", label: "Public", detail: "Anyone on the internet, no token" },
  { value: "private", label: "Private", detail: "Only from your network, via a private endpoint" },
] as const;

const perMonth = (mills: number) => `$${((mills * 730) / 1000).toFixed(2)}/month while running`;

const fmt = (n: number) => n.toLocaleString("en");

/** Security: who may call the endpoint, its rate limits, the private endpoint and request logging add-ons. */
export function SecuritySection() {
  return (
    <>
      <RadioField name="security.access" label="Access" options={ACCESS} />
      <div className="grid gap-3 md:grid-cols-2">
        <SwitchRow name="security.privateEndpoint" label={ADD_ONS.privateEndpoint.label} detail={`PrivateLink into your VPC · ${perMonth(ADD_ONS.privateEndpoint.hourlyMills)}`} />
        <SwitchRow name="security.requestLogging" label={ADD_ONS.requestLogging.label} detail={`Keep request and response logs · ${perMonth(ADD_ONS.requestLogging.hourlyMills)}`} />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <NumberField
          name="security.requestsPerMinute"
          label="Requests per minute"
          min={LIMITS.requestsPerMinute.min}
          max={LIMITS.requestsPerMinute.max}
          hint={`Per API key and for the endpoint as a whole; beyond it callers get 429 (default ${fmt(DEFAULT_RATE_LIMITS.requestsPerMinute)})`}
        />
        <NumberField
          name="security.tokensPerMinute"
          label="Tokens per minute"
          min={LIMITS.tokensPerMinute.min}
          max={LIMITS.tokensPerMinute.max}
          step={100}
          hint={`Prompt and completion tokens, counted the same way (default ${fmt(DEFAULT_RATE_LIMITS.tokensPerMinute)})`}
        />
      </div>
      <p className="flex items-start gap-2 rounded-lg bg-muted/60 p-3 text-xs text-muted-foreground">
        <KeyRound className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        An API key scoped to this endpoint is generated when you deploy and shown once: copy it then. Only a hash is stored; manage keys under API keys.
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
