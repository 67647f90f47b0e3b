import { Paperclip } from "lucide-react";
import { formatBytes, MAX_IMAGE_BYTES, MAX_TEXT_BYTES } from "@/lib/chat/attachments";

/** Shown over the conversation while files are dragged onto it. */
export function DropOverlay() {
  return (
    <div
      className="pointer-events-none absolute inset-2 z-20 flex flex-col items-center justify-center gap-2 rounded-2xl border-2 border-dashed border-primary bg-background/85 text-center backdrop-blur-sm"
      data-testid="drop-overlay"
    >
      <Paperclip className="size-6 text-primary" aria-hidden />
      <p className="text-sm font-medium">Drop files to attach them</p>
      <p className="px-4 text-xs text-muted-foreground">Images (PNG, JPEG, WebP, GIF) up to {formatBytes(MAX_IMAGE_BYTES)}, text files up to {formatBytes(MAX_TEXT_BYTES)}</p>
    </div>
  );
}
