import { Check, Loader2, X } from "lucide-react";
import { cn } from "@/lib/utils";

/** One recorded status change (a deployment's or a dataset's events, as their byId returns them). */
export interface TimelineEvent<S extends string> {
  id: number | string;
  step: string;
  fromStatus: S | null;
  toStatus: S;
  message: string | null;
  createdAt: Date;
}

interface StatusTimelineProps<S extends string> {
  /** The list's accessible name, e.g. "Deployment timeline". */
  label: string;
  events: readonly TimelineEvent<S>[];
  /** The current status; while it is transient a live row says what is happening. */
  status: S;
  moving: boolean;
  stepLabel: (step: string) => string;
  statusLabel: (status: S) => string;
  isFailure: (status: S) => boolean;
}

const time = (d: Date) => d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** Sentence case from a step id ("provider_ready" → "Provider ready"), for steps without a label. */
export function humanizeStep(step: string): string {
  return step.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Every status change, oldest first, with a live row while the server is still working. */
export function StatusTimeline<S extends string>({
  label,
  events,
  status,
  moving,
  stepLabel,
  statusLabel,
  isFailure,
}: StatusTimelineProps<S>) {
  return (
    <ol className="relative flex flex-col" aria-label={label} data-testid="timeline">
      {events.map((e, i) => {
        const failed = isFailure(e.toStatus);
        const last = i === events.length - 1 && !moving;
        const title = stepLabel(e.step);
        return (
          <li key={e.id} className="relative flex gap-3 pb-4 last:pb-0" data-step={e.step} data-to={e.toStatus}>
            {!last ? <span aria-hidden className="absolute top-6 bottom-0 left-[11px] w-px bg-border" /> : null}
            <span
              aria-hidden
              className={cn(
                "z-0 flex size-6 shrink-0 items-center justify-center rounded-full border bg-background",
                failed ? "border-destructive/40 text-destructive" : "border-emerald-500/40 text-emerald-600 dark:text-emerald-400",
              )}
            >
              {failed ? <X className="size-3.5" /> : <Check className="size-3.5" />}
            </span>
            <div className="flex min-w-0 flex-1 flex-col gap-0.5 pt-0.5">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="text-sm font-medium">{title}</span>
                <time className="text-xs text-muted-foreground tabular-nums" dateTime={e.createdAt.toISOString()}>
                  {time(e.createdAt)}
                </time>
              </div>
              <span className="text-xs text-muted-foreground">
                {e.fromStatus && e.fromStatus !== e.toStatus ? `${statusLabel(e.fromStatus)} → ` : ""}
                {statusLabel(e.toStatus)}
                {e.message && e.message !== title ? ` · ${e.message}` : ""}
              </span>
            </div>
          </li>
        );
      })}
      {moving ? (
        <li className="relative flex gap-3" aria-live="polite">
          <span
            aria-hidden
            className="flex size-6 shrink-0 items-center justify-center rounded-full border border-sky-500/40 bg-background text-sky-600 dark:text-sky-400"
          >
            <Loader2 className="size-3.5 animate-spin" />
          </span>
          <span className="pt-0.5 text-sm text-muted-foreground">{statusLabel(status)}…</span>
        </li>
      ) : null}
    </ol>
  );
}
