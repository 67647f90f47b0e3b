"use client";

import { Loader2 } from "lucide-react";
import { formatRelative } from "@/lib/format";
import type { SaveState } from "./use-autosave";

const SAVE_LABELS: Record<Exclude<SaveState, "idle">, React.ReactNode> = {
  saving: "Saving…",
  dirty: "Unsaved changes",
  error: <span className="text-destructive">Not saved</span>,
  saved: "Saved",
};

/**
 * The header's status line: the model writing wins over the owner's saves, and with nothing saved
 * this visit it says when the newest version was made (nothing before any version exists).
 */
export function SaveStatus({ isStreaming, saveState, updatedAt }: { isStreaming: boolean; saveState: SaveState; updatedAt: Date | undefined }) {
  if (isStreaming) {
    return (
      <span className="inline-flex items-center gap-1">
        <Loader2 className="size-3 animate-spin" /> Writing…
      </span>
    );
  }
  if (saveState !== "idle") return SAVE_LABELS[saveState];
  return updatedAt ? `Updated ${formatRelative(updatedAt)}` : "";
}
