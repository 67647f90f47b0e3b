"use client";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** Ids that tie a control to its label, hint and error (aria-describedby), from one field path. */
export function fieldIds(name: string) {
  const base = `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  return { control: base, hint: `${base}-hint`, error: `${base}-error` };
}

/** ARIA props for a control: invalid state and the hint/error it is described by. */
export function describedBy(name: string, opts: { error?: string; hint?: boolean }) {
  const ids = fieldIds(name);
  const by = [opts.hint ? ids.hint : null, opts.error ? ids.error : null].filter(Boolean).join(" ");
  return { id: ids.control, "aria-invalid": opts.error ? true : undefined, "aria-describedby": by || undefined };
}

/** Label above, control, then a hint and the field's error message in place. */
export function Field(props: {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string;
  className?: string;
  /** For groups (radio, switch rows) whose label is not a <label for>. */
  asGroupLabel?: boolean;
  children: React.ReactNode;
}) {
  const ids = fieldIds(props.name);
  return (
    <div className={cn("flex flex-col gap-2", props.className)} data-field={props.name}>
      {props.asGroupLabel ? (
        <span id={`${ids.control}-label`} className="text-sm leading-none font-medium">
          {props.label}
        </span>
      ) : (
        <Label htmlFor={ids.control}>{props.label}</Label>
      )}
      {props.children}
      {props.hint ? (
        <p id={ids.hint} className="text-xs text-muted-foreground">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={ids.error} role="alert" className="text-xs font-medium text-destructive">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
