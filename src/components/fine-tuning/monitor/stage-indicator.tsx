import { Check, Loader2, X } from "lucide-react";
import { type JobStage, type StageStepState, stageSteps, type TrainingStatus } from "@/lib/training-lifecycle";
import { cn } from "@/lib/utils";

const STATE_TEXT: Record<StageStepState, string> = {
  done: "done",
  current: "in progress",
  failed: "failed here",
  cancelled: "cancelled here",
  upcoming: "not started",
};

function Marker({ state }: { state: StageStepState }) {
  const base = "flex size-7 shrink-0 items-center justify-center rounded-full border-2 text-xs";
  if (state === "done") return <span className={cn(base, "border-emerald-500 bg-emerald-500 text-white")}><Check className="size-3.5" /></span>;
  if (state === "current") return <span className={cn(base, "border-primary bg-primary/10 text-primary")}><Loader2 className="size-3.5 animate-spin" /></span>;
  if (state === "failed") return <span className={cn(base, "border-destructive bg-destructive text-white")}><X className="size-3.5" /></span>;
  if (state === "cancelled") return <span className={cn(base, "border-muted-foreground/50 bg-muted text-muted-foreground")}><X className="size-3.5" /></span>;
  return <span className={cn(base, "border-border bg-background")} />;
}

/** Queued → Initializing → Training → Validating → Saving → Completed, from the lifecycle's own steps. */
export function StageIndicator({ status, stage }: { status: TrainingStatus; stage: JobStage }) {
  const steps = stageSteps(status, stage);
  return (
    <ol className="flex items-start overflow-x-auto pb-1" aria-label="Stages" data-testid="stage-indicator" data-stage={stage} data-status={status}>
      {steps.map((s, i) => (
        <li
          key={s.stage}
          className="flex min-w-0 flex-1 flex-col items-center gap-1.5 text-center"
          data-stage={s.stage}
          data-state={s.state}
          aria-current={s.state === "current" ? "step" : undefined}
        >
          <span className="flex w-full items-center" aria-hidden>
            <span className={cn("h-0.5 flex-1", i === 0 ? "bg-transparent" : s.state === "upcoming" ? "bg-border" : "bg-emerald-500")} />
            <Marker state={s.state} />
            <span
              className={cn(
                "h-0.5 flex-1",
                i === steps.length - 1 ? "bg-transparent" : s.state === "done" ? "bg-emerald-500" : "bg-border",
              )}
            />
          </span>
          <span className={cn("text-[10px] sm:text-xs", s.state === "upcoming" ? "text-muted-foreground" : "font-medium")}>
            {s.label}
          </span>
          <span className="sr-only">{STATE_TEXT[s.state]}</span>
        </li>
      ))}
    </ol>
  );
}
