import { Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";

type Tone = "ok" | "busy" | "bad" | "gone";

const TONE: Record<string, Tone> = { uploading: "busy", validating: "busy", ready: "ok", error: "bad" };

const TONE_CLASS: Record<Tone, string> = {
  ok: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  busy: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  bad: "border-destructive/30 bg-destructive/10 text-destructive",
  gone: "text-muted-foreground",
};

/** Statuses in which the server is still working on a dataset: pages poll while one is shown. */
export const isDatasetBusy = (status: string) => TONE[status] === "busy";

/** A dataset's lifecycle status; work in progress spins so it reads as "moving". */
export function DatasetStatusBadge({ status, className }: { status: string; className?: string }) {
  const tone = TONE[status] ?? "gone";
  return (
    <Badge variant="outline" className={cn("capitalize", TONE_CLASS[tone], className)} data-status={status}>
      {tone === "busy" ? <Loader2 className="animate-spin" aria-hidden /> : <span className="size-1.5 rounded-full bg-current" aria-hidden />}
      {status}
    </Badge>
  );
}
