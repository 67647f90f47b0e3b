"use client";

import { TriangleAlert } from "lucide-react";
import { CopyButton } from "@/components/deployments/detail/copy-button";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import type { CreatedKey } from "./create-key-form";

/** The new key, shown this once, with copy and the warning that it cannot be shown again. */
export function NewKeyReveal({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-4">
      <p className="flex items-start gap-2 rounded-lg border border-amber-500/30 bg-amber-500/10 p-3 text-sm text-amber-800 dark:text-amber-300" role="alert">
        <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
        Copy “{created.name}” now: this is the only time it is shown. Only a hash is stored, so it cannot be recovered; revoke it and create another
        if it is lost.
      </p>
      <div className="flex items-center gap-2 rounded-md border bg-muted/40 p-1.5 pl-3">
        <code className="min-w-0 flex-1 font-mono text-xs break-all" data-testid="new-api-key">
          {created.key}
        </code>
        <CopyButton text={created.key} label="Copy API key" />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>I have copied it</Button>
      </DialogFooter>
    </div>
  );
}
