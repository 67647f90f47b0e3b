"use client";

import { Check, Copy } from "lucide-react";
import { useCopy } from "@/components/common/use-copy";
import { Button } from "@/components/ui/button";

/** Copies `text`; says so for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { copied, copy } = useCopy();
  return (
    <Button
      type="button"
      size="sm"
      variant="outline"
      aria-label={copied ? "Copied" : label}
      onClick={() => void copy(text)}
    >
      {copied ? <Check /> : <Copy />}
      <span className="hidden sm:inline">{copied ? "Copied" : "Copy"}</span>
    </Button>
  );
}
