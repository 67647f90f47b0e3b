"use client";

import { useState } from "react";
import { Check, Copy, KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

/** The endpoint's API token, shown exactly once after create; closing leads to the deployment page. */
export function TokenDialog(props: { token: string | null; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={props.token !== null} onOpenChange={(open) => !open && props.onDone()}>
      <DialogContent className="sm:max-w-lg" onInteractOutside={(e) => e.preventDefault()}>
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <KeyRound className="size-5 text-primary" aria-hidden /> Your API token
          </DialogTitle>
          <DialogDescription>
            Copy it now: this is the only time it is shown. Only a hash is stored, so it cannot be recovered later.
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-center gap-2 rounded-md border bg-muted/40 p-2">
          <code className="min-w-0 flex-1 truncate px-1 font-mono text-xs" data-testid="api-token">
            {props.token}
          </code>
          <Button
            size="sm"
            variant="outline"
            onClick={async () => {
              await navigator.clipboard?.writeText(props.token ?? "").catch(() => undefined);
              setCopied(true);
            }}
          >
            {copied ? <Check /> : <Copy />}
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
        <DialogFooter>
          <Button onClick={props.onDone}>Go to the deployment</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
