import { Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { DATASET_STATUS_LABELS, type DatasetStatus, isTransient } from "@/lib/dataset-lifecycle";
import { cn } from "@/lib/utils";

const TONE_CLASS: Record<DatasetStatus, string> = {
  uploading: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  validating: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-400",
  ready: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  error: "border-destructive/30 bg-destructive/10 text-destructive",
};

/** A dataset's lifecycle status; work in progress spins so it reads as "moving". */
export function DatasetStatusBadge({ status, className }: { status: DatasetStatus; className?: string }) {
  return (
    <Badge variant="outline" className={cn(TONE_CLASS[status], className)} data-status={status}>
      {isTransient(status) ? <Loader2 className="animate-spin" aria-hidden /> : <span className="size-1.5 rounded-full bg-current" aria-hidden />}
      {DATASET_STATUS_LABELS[status]}
    </Badge>
  );
}
