"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";

export interface BranchView {
  /** 0-based position among the message's versions, and their ids, oldest first. */
  index: number;
  siblings: string[];
}

/** "‹ 2 / 3 ›" under a message with other versions (from edits or regenerations). */
export function BranchSwitcher({ branch, disabled, onSwitch }: { branch: BranchView; disabled: boolean; onSwitch: (siblingId: string) => void }) {
  const { index, siblings } = branch;
  const go = (to: number) => {
    const id = siblings[to];
    if (id) onSwitch(id);
  };
  return (
    <div className="flex items-center text-xs text-muted-foreground" data-testid="branch-switcher">
      <Button type="button" variant="ghost" size="icon-sm" className="size-7" aria-label="Previous version" disabled={disabled || index === 0} onClick={() => go(index - 1)}>
        <ChevronLeft />
      </Button>
      <span className="min-w-9 text-center tabular-nums" aria-live="polite" data-testid="branch-position">
        {index + 1} / {siblings.length}
      </span>
      <Button
        type="button"
        variant="ghost"
        size="icon-sm"
        className="size-7"
        aria-label="Next version"
        disabled={disabled || index === siblings.length - 1}
        onClick={() => go(index + 1)}
      >
        <ChevronRight />
      </Button>
    </div>
  );
}
