"use client";

import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";

/** While an older version is shown: back to the newest, and for the owner, restore this one. */
export function OlderVersionActions({
  canRestore,
  restoring,
  onRestore,
  onBackToLatest,
}: {
  canRestore: boolean;
  restoring: boolean;
  /** Null while there is no version to restore. */
  onRestore: (() => void) | null;
  onBackToLatest: () => void;
}) {
  return (
    <>
      <Button size="sm" variant="ghost" className="h-7 text-xs" onClick={onBackToLatest}>
        Back to latest
      </Button>
      {canRestore ? (
        <Button size="sm" className="h-7 text-xs" disabled={restoring || !onRestore} onClick={() => onRestore?.()}>
          <RotateCcw /> Restore this version
        </Button>
      ) : null}
    </>
  );
}

/** Says that the text shown is not the newest, and for the owner how to continue from it. */
export function OlderVersionNotice({ canRestore }: { canRestore: boolean }) {
  return (
    <p className="border-b bg-muted/50 px-4 py-1.5 text-xs text-muted-foreground">
      You are viewing an older version{canRestore ? ". Restore it to continue from here." : "."}
    </p>
  );
}
