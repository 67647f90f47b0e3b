import { FileText, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/datasets/upload-target";

/** The picked file, with a way back to the drop zone. */
export function FileRow({ file, onRemove, disabled }: { file: File; onRemove: () => void; disabled: boolean }) {
  return (
    <div className="flex items-center gap-3 rounded-lg border bg-muted/30 p-2 pl-3" data-testid="picked-file">
      <FileText className="size-5 shrink-0 text-muted-foreground" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col">
        <span className="truncate text-sm font-medium" title={file.name}>
          {file.name}
        </span>
        <span className="text-xs text-muted-foreground tabular-nums">{formatBytes(file.size)}</span>
      </div>
      <Button type="button" size="icon" variant="ghost" aria-label="Choose another file" onClick={onRemove} disabled={disabled}>
        <X />
      </Button>
    </div>
  );
}
