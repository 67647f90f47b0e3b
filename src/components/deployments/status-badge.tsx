import { Badge } from "@/components/ui/badge";
import { Loader2 } from "lucide-react";
import { cn } from "@/lib/utils";

type Tone = "ok" | "busy" | "idle" | "bad" | "gone";

const TONE: Record<string, Tone> = {
  pending: "busy",
  provisioning: "busy",
  starting: "busy",
  active: "ok",
  pausing: "busy",
  paused: "idle",
  resuming: "busy",
  failed: "bad",
  deleting: "busy",
  deleted: "gone",
};

const TONE_CLASS: Record<Tone, string> = {
  ok: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  busy: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  idle: "border-amber-500/30 bg-amber-500/10 text-amber-700 dark:text-amber-400",
  bad: "border-destructive/30 bg-destructive/10 text-destructive",
  gone: "text-muted-foreground",
};

/** A deployment's lifecycle status; work in progress shows a spinner so it reads as "moving". */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  const tone = TONE[status] ?? "gone";
  return (
    <Badge variant="outline" className={cn("capitalize", TONE_CLASS[tone], className)} data-status={status}>
      {tone === "busy" ? <Loader2 className="animate-spin" aria-hidden /> : <span className="size-1.5 rounded-full bg-current" aria-hidden />}
      {status}
    </Badge>
  );
}
