"use client";

import { RadioGroupItem } from "@/components/ui/radio-group";
import { cn } from "@/lib/utils";

/** A radio option drawn as a card: the whole card is the label, the radio stays the focus target. */
export function ChoiceCard(props: {
  id: string;
  value: string;
  disabled?: boolean;
  /** Drawn from the value rather than with :has(), which makes every attribute change restyle the list. */
  checked: boolean;
  title: React.ReactNode;
  meta?: React.ReactNode;
  detail?: React.ReactNode;
  className?: string;
}) {
  return (
    <label
      htmlFor={props.id}
      data-disabled={props.disabled || undefined}
      data-checked={props.checked || undefined}
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-lg border bg-background p-3 transition-colors",
        "hover:bg-accent/50 data-[checked]:border-primary data-[checked]:bg-primary/5 data-[checked]:ring-1 data-[checked]:ring-primary/30",
        "data-[disabled]:cursor-not-allowed data-[disabled]:opacity-60 data-[disabled]:hover:bg-background",
        props.className,
      )}
    >
      <RadioGroupItem id={props.id} value={props.value} disabled={props.disabled} className="mt-0.5" />
      <span className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
          <span className="text-sm font-medium">{props.title}</span>
          {props.meta ? <span className="text-xs text-muted-foreground tabular-nums">{props.meta}</span> : null}
        </span>
        {props.detail ? <span className="text-xs text-muted-foreground">{props.detail}</span> : null}
      </span>
    </label>
  );
}
