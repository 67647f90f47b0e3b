import { Loader2, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ValidationState } from "@/lib/datasets/worker/use-dataset-validation";
import { ProgressBar } from "../progress-bar";
import { plural } from "../text";
import type { UploadState } from "./use-dataset-upload";

/** Why Upload is not available yet, or null when it is. */
function blocker(validation: ValidationState): string | null {
  if (validation.phase === "idle") return "Choose a JSONL or CSV file.";
  if (validation.phase === "running") return "Upload unlocks once the file is checked.";
  if (validation.phase === "failed") return "The file could not be read; choose it again.";
  if (validation.phase === "done" && !validation.report.ok) {
    return `Fix the ${plural(validation.report.totalErrors, "error")} in the file, then choose it again.`;
  }
  return null;
}

/** Upload (only for a file that passed), its progress with Cancel, and a failed upload's reason. */
export function UploadActions({ validation, upload, onCancel }: { validation: ValidationState; upload: UploadState; onCancel: () => void }) {
  const reason = blocker(validation);
  if (upload.phase === "sending" || upload.phase === "confirming") {
    const fraction = upload.phase === "sending" ? upload.fraction : 1;
    return (
      <div className="flex flex-col gap-2" data-testid="upload-progress" aria-live="polite">
        <div className="flex items-center justify-between gap-3 text-sm">
          <span className="flex items-center gap-2">
            <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
            {upload.phase === "sending" ? `Uploading… ${Math.round(fraction * 100)}%` : "Starting validation on the server…"}
          </span>
          {upload.phase === "sending" ? (
            <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
        </div>
        <ProgressBar fraction={fraction} label="Upload progress" />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      {upload.phase === "failed" ? (
        <p role="alert" className="text-sm text-destructive">
          {upload.message}
        </p>
      ) : null}
      <Button type="submit" disabled={validation.phase !== "done" || reason !== null} className="w-full">
        <Upload /> Upload dataset
      </Button>
      {reason ? <p className="text-xs text-muted-foreground">{reason}</p> : null}
    </div>
  );
}
