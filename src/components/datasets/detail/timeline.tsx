import { Check, Loader2, X } from "lucide-react";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";
import { DATASET_EVENT_LABELS, DATASET_EVENTS, DATASET_STATUS_LABELS, isTransient } from "@/lib/dataset-lifecycle";

type Detail = RouterOutputs["datasets"]["byId"];

const time = (d: Date) => d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const STEP_LABELS: Record<string, string> = { created: "Upload started", deleted: "Deleted", file_removed: "File removed" };

function stepLabel(step: string): string {
  const event = DATASET_EVENTS.find((e) => e === step);
  if (event) return DATASET_EVENT_LABELS[event];
  return STEP_LABELS[step] ?? step.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
}

/** Every status change, oldest first, with a live row while the server is still working. */
export function Timeline({ d }: { d: Detail }) {
  const moving = isTransient(d.status);
  return (
    <ol className="relative flex flex-col" aria-label="Dataset timeline" data-testid="timeline">
      {d.events.map((e, i) => {
        const failed = e.toStatus === "error";
        const last = i === d.events.length - 1 && !moving;
        return (
          <li key={e.id} className="relative flex gap-3 pb-4 last:pb-0" data-to={e.toStatus}>
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
                <span className="text-sm font-medium">{stepLabel(e.step)}</span>
                <time className="text-xs text-muted-foreground tabular-nums" dateTime={e.createdAt.toISOString()}>
                  {time(e.createdAt)}
                </time>
              </div>
              <span className="text-xs text-muted-foreground">
                {e.fromStatus && e.fromStatus !== e.toStatus ? `${DATASET_STATUS_LABELS[e.fromStatus]} → ` : ""}
                {DATASET_STATUS_LABELS[e.toStatus]}
                {e.message && e.message !== stepLabel(e.step) ? ` · ${e.message}` : ""}
              </span>
            </div>
          </li>
        );
      })}
      {moving ? (
        <li className="relative flex gap-3" aria-live="polite">
          <span aria-hidden className="flex size-6 shrink-0 items-center justify-center rounded-full border border-sky-500/40 bg-background text-sky-600 dark:text-sky-400">
            <Loader2 className="size-3.5 animate-spin" />
          </span>
          <span className="pt-0.5 text-sm text-muted-foreground">{DATASET_STATUS_LABELS[d.status]}…</span>
        </li>
      ) : null}
    </ol>
  );
}
