"use client";

import { Check, Copy } from "lucide-react";
import { IconActionButton } from "./icon-action-button";
import { useCopy } from "./use-copy";

export function CopyButton({ value, label = "Copy", className }: { value: string; label?: string; className?: string }) {
  const { copied, copy } = useCopy();
  return (
    <>
      <IconActionButton
        label={label}
        tooltip={copied ? "Copied" : label}
        className={className}
        onClick={() => void copy(value)}
      >
        {copied ? <Check /> : <Copy />}
      </IconActionButton>
      {/* The tooltip closes on click and the check is an icon: tell screen readers too. */}
      <span role="status" className="sr-only">
        {copied ? "Copied" : ""}
      </span>
    </>
  );
}
