import { formatBytes } from "@/lib/datasets/upload-target";
import { cn } from "@/lib/utils";
import { ProgressBar } from "./progress-bar";

/** How far the server's validation has read the stored file (it reports bytes as it streams). */
export function ServerProgress(props: { validatedBytes: number; fileSize: number; compact?: boolean; className?: string }) {
  const fraction = props.fileSize > 0 ? Math.min(1, props.validatedBytes / props.fileSize) : 0;
  const percent = Math.round(fraction * 100);
  if (props.compact) {
    return (
      <span className={cn("flex w-24 flex-col gap-1", props.className)} data-testid="server-progress" data-percent={percent}>
        <ProgressBar fraction={fraction} label="Server validation progress" className="h-1" />
        <span className="text-xs text-muted-foreground tabular-nums">{percent}% checked</span>
      </span>
    );
  }
  return (
    <div className={cn("flex flex-col gap-2", props.className)} data-testid="server-progress" data-percent={percent}>
      <ProgressBar fraction={fraction} label="Server validation progress" />
      <p className="text-xs text-muted-foreground tabular-nums">
        {percent}% · {formatBytes(props.validatedBytes)} of {formatBytes(props.fileSize)} checked
      </p>
    </div>
  );
}
