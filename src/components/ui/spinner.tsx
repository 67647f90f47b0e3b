import * as React from "react";
import { Loader2 } from "lucide-react";

import { cn } from "@/lib/utils";

type SpinnerProps = Omit<React.ComponentProps<"svg">, "ref"> & {
  /** Accessible text announced to screen readers (default "Loading"). */
  label?: string;
};

/**
 * Indeterminate loading indicator. Inherits `currentColor`; size it with
 * `className` (default `size-4`).
 */
function Spinner({ className, label = "Loading", ...props }: SpinnerProps) {
  return (
    <span
      role="status"
      aria-live="polite"
      data-slot="spinner"
      className="inline-flex items-center justify-center"
    >
      <Loader2
        aria-hidden="true"
        className={cn("size-4 shrink-0 animate-spin", className)}
        {...props}
      />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export { Spinner, type SpinnerProps };
