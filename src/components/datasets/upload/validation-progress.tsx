import { Loader2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "../progress-bar";
import { formatBytes } from "@/lib/datasets/upload-target";

/** The worker's progress through the file: bytes read of the file's size, and lines seen. */
export function ValidationProgress(props: { bytes: number; lines: number; total: number; onCancel: () => void }) {
  const fraction = props.total > 0 ? props.bytes / props.total : 0;
  return (
    <div className="flex flex-col gap-2" data-testid="validation-progress" aria-live="polite">
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="flex items-center gap-2">
          <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
          {/* The last step after the last byte (token statistics) can take a moment: say so rather than sit at 100%. */}
          {fraction >= 1 ? "Counting tokens and finishing the report…" : `Validating in your browser… ${Math.round(fraction * 100)}%`}
        </span>
        <Button type="button" size="sm" variant="ghost" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
      <ProgressBar fraction={fraction} label="Validation progress" />
      <p className="text-xs text-muted-foreground tabular-nums">
        {formatBytes(props.bytes)} of {formatBytes(props.total)} · {props.lines.toLocaleString("en")} lines
      </p>
    </div>
  );
}
