"use client";

import { Sparkles } from "lucide-react";
import type { ArtifactPrompt } from "@/artifacts/types";
import { Button } from "@/components/ui/button";

/** The kind's one-click requests to the assistant (for the owner), and a count of open suggestions. */
export function ArtifactPrompts({
  prompts,
  disabled,
  openSuggestions,
  onPrompt,
}: {
  prompts: ArtifactPrompt[];
  disabled: boolean;
  /** Shown as a count where the editor does not mark suggestions inline; 0 shows nothing. */
  openSuggestions: number;
  onPrompt: (prompt: ArtifactPrompt) => void;
}) {
  return (
    <section className="flex flex-wrap items-center gap-1.5 border-t px-3 py-2" aria-label="Ask the assistant">
      <Sparkles className="size-3.5 text-primary" aria-hidden />
      {prompts.map((p) => (
        <Button key={p.label} size="sm" variant="outline" className="h-7 rounded-full text-xs" disabled={disabled} onClick={() => onPrompt(p)}>
          {p.label}
        </Button>
      ))}
      {openSuggestions > 0 ? <span className="ml-auto text-xs text-muted-foreground">{openSuggestions} open suggestions</span> : null}
    </section>
  );
}
