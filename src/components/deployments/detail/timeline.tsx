import { Check, Loader2, X } from "lucide-react";
import { DEPLOYMENT_EVENTS, EVENT_LABELS, isTransient, STATUS_LABELS } from "@/lib/deployment-lifecycle";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";

type Detail = RouterOutputs["deployments"]["byId"];

function stepLabel(step: string): string {
  const event = DEPLOYMENT_EVENTS.find((ev) => ev === step);
  if (event) return EVENT_LABELS[event];
  if (step === "created") return "Deployment requested";
  return step.replace(/[_-]+/g, " ").replace(/^./, (c) => c.toUpperCase());
}

const time = (d: Date) => d.toLocaleTimeString("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });

/** Every status change, oldest first, with a live "in progress" row while the deployment is moving. */
export function Timeline({ deployment }: { deployment: Detail }) {
  const moving = isTransient(deployment.status);
  return (
    <ol className="relative flex flex-col" aria-label="Deployment timeline" data-testid="timeline">
      {deployment.events.map((e, i) => {
        const failed = e.toStatus === "failed";
        const last = i === deployment.events.length - 1 && !moving;
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
                <span className="text-sm font-medium">{stepLabel(e.step)}</span>
                <time className="text-xs text-muted-foreground tabular-nums" dateTime={e.createdAt.toISOString()}>
                  {time(e.createdAt)}
                </time>
              </div>
              <span className="text-xs text-muted-foreground">
                {e.fromStatus ? `${STATUS_LABELS[e.fromStatus]} → ` : ""}
                {STATUS_LABELS[e.toStatus]}
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
          <span className="pt-0.5 text-sm text-muted-foreground">{STATUS_LABELS[deployment.status]}…</span>
        </li>
      ) : null}
    </ol>
  );
}
