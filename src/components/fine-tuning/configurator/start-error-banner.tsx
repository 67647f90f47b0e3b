"use client";

import { useEffect, useState } from "react";
import { TriangleAlert } from "lucide-react";
import { retryText, type StartError } from "./server-errors";

export type { StartError };

const TITLE: Record<StartError["kind"], string> = {
  malformed: "The training request was refused",
  unauthorized: "Signed in as someone else",
  unprocessable: "This job cannot run as configured",
  unavailable: "No training capacity right now",
  other: "Could not start training",
};

/** What a failed Start said that belongs to no field; for no capacity, when to try again (counting down). */
export function StartErrorBanner({ error }: { error: StartError }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!error.retryAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [error.retryAt]);
  return (
    <div
      role="alert"
      data-testid="start-error"
      data-kind={error.kind}
      className="flex items-start gap-2 rounded-lg border border-destructive/30 bg-destructive/10 p-3 text-sm text-destructive"
    >
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-medium">{TITLE[error.kind]}</p>
        {error.messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
        {error.fields.length > 0 ? (
          <p>
            {error.fields.length === 1 ? "One setting needs" : `${error.fields.length} settings need`} changing: see the
            marked {error.fields.length === 1 ? "field" : "fields"}.
          </p>
        ) : null}
        {error.retryAt ? (
          <p data-testid="retry-at" data-retry-at={error.retryAt.toISOString()}>
            Try again {retryText(error.retryAt, now)}; your settings are kept.
          </p>
        ) : null}
      </div>
    </div>
  );
}
