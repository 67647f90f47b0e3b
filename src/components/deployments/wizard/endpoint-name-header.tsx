"use client";

import { Globe } from "lucide-react";
import { Input } from "@/components/ui/input";
import { describedBy, Field } from "../field";
import { useFieldError, useWizardForm } from "./use-wizard-form";

/** The endpoint's name: it becomes part of its URL, so it leads the form. */
export function EndpointNameHeader() {
  const { register } = useWizardForm();
  const error = useFieldError("name");
  return (
    <div className="rounded-xl border bg-card p-4 shadow-xs md:p-5" data-endpoint-name>
      <Field
        name="name"
        label="Endpoint name"
        error={error}
        hint="Lowercase letters, digits and dashes; 3–32 characters. It becomes part of the endpoint's URL."
      >
        <div className="relative">
          <Globe className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            placeholder="my-llama-endpoint"
            autoComplete="off"
            spellCheck={false}
            className="h-11 pl-9 font-mono text-base md:text-base"
            {...describedBy("name", { error, hint: true })}
            {...register("name")}
          />
        </div>
      </Field>
    </div>
  );
}
