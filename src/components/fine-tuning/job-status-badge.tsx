import { Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { isLive, TRAINING_STATUS_LABELS, type TrainingStatus } from "@/lib/training-lifecycle";
import { cn } from "@/lib/utils";

const TONE_CLASS: Record<TrainingStatus, string> = {
  queued: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  initializing: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  running: "border-violet-500/30 bg-violet-500/10 text-violet-700 dark:text-violet-300",
  validating: "border-violet-500/30 bg-violet-500/10 text-violet-700 dark:text-violet-300",
  saving: "border-violet-500/30 bg-violet-500/10 text-violet-700 dark:text-violet-300",
  completed: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  failed: "border-destructive/30 bg-destructive/10 text-destructive",
  cancelled: "text-muted-foreground",
};

/** A training job's status as users name it (running shows as Training); live ones spin. */
export function JobStatusBadge({ status, className }: { status: TrainingStatus; className?: string }) {
  return (
    <Badge variant="outline" className={cn(TONE_CLASS[status], className)} data-status={status}>
      {isLive(status) ? (
        <Loader2 className="animate-spin" aria-hidden />
      ) : (
        <span className="size-1.5 rounded-full bg-current" aria-hidden />
      )}
      {TRAINING_STATUS_LABELS[status]}
    </Badge>
  );
}

/** A thin progress bar with its percentage for assistive technology. */
export function ProgressBar(props: { value: number; label: string; className?: string; tone?: "live" | "done" | "stopped" }) {
  const value = Math.max(0, Math.min(100, props.value));
  return (
    <div
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(value)}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", props.className)}
    >
      <div
        className={cn(
          "h-full rounded-full transition-[width] duration-700 ease-out",
          props.tone === "done" ? "bg-emerald-500" : props.tone === "stopped" ? "bg-muted-foreground/40" : "bg-primary",
        )}
        style={{ width: `${value}%` }}
      />
    </div>
  );
}
