"use client";

import { AlertTriangle, RotateCcw, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { describeChatError } from "@/lib/chat/errors";

/** A readable error in the conversation with Retry (when retrying can help) and Dismiss. */
export function ErrorBanner({ error, onRetry, onDismiss }: { error: unknown; onRetry: () => void; onDismiss: () => void }) {
  const view = describeChatError(error);
  return (
    <div
      role="alert"
      data-testid="chat-error"
      data-status={view.status ?? undefined}
      className="flex w-full items-start gap-3 rounded-xl border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm dark:bg-destructive/10"
    >
      <AlertTriangle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{view.title}</p>
        <p className="mt-0.5 text-muted-foreground">{view.message}</p>
        {view.retryable ? (
          <Button type="button" size="sm" variant="outline" className="mt-2" onClick={onRetry}>
            <RotateCcw /> Retry
          </Button>
        ) : null}
      </div>
      <Button type="button" variant="ghost" size="icon-sm" aria-label="Dismiss error" onClick={onDismiss} className="-mt-1 -mr-2">
        <X />
      </Button>
    </div>
  );
}
