"use client";

import { GitCompare } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Switches the content between the version and its changes since the previous one. */
export function DiffToggle({ pressed, disabled, onToggle }: { pressed: boolean; disabled: boolean; onToggle: () => void }) {
  return (
    <Button size="sm" variant={pressed ? "secondary" : "ghost"} className="h-7 text-xs" aria-pressed={pressed} disabled={disabled} onClick={onToggle}>
      <GitCompare /> {pressed ? "Hide changes" : "Show changes"}
    </Button>
  );
}
