"use client";

import { FileText, X } from "lucide-react";
import Image from "next/image";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/chat/attachments";
import type { Attachments, PendingAttachment } from "./use-attachments";

// Loaded once a file is attached (composer.tsx): thumbnails (next/image) are not part of the chat's first load.

/** One file waiting to go with the message: a thumbnail or its name and size, upload progress, and Remove. */
function Chip({ item, onRemove }: { item: PendingAttachment; onRemove: () => void }) {
  const pending = !item.uploaded;
  const percent = Math.round(item.progress * 100);
  return (
    <li
      className="relative flex h-14 max-w-[14rem] min-w-0 items-center gap-2 rounded-xl border bg-muted/50 p-1.5 pr-8 text-left dark:bg-muted/30"
      data-testid="attachment-chip"
      data-state={pending ? "uploading" : "ready"}
    >
      {item.previewUrl ? (
        <Image src={item.previewUrl} alt="" width={44} height={44} unoptimized className="size-11 shrink-0 rounded-lg object-cover" />
      ) : (
        <span className="flex size-11 shrink-0 items-center justify-center rounded-lg bg-background text-muted-foreground">
          <FileText className="size-5" aria-hidden />
        </span>
      )}
      <span className="min-w-0">
        <span className="block truncate text-xs font-medium" title={item.name}>
          {item.name}
        </span>
        <span className="block text-[11px] text-muted-foreground tabular-nums">{pending ? `Uploading… ${percent}%` : formatBytes(item.size)}</span>
      </span>
      {pending ? (
        <span
          role="progressbar"
          aria-label={`Uploading ${item.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="absolute inset-x-1.5 bottom-1 h-0.5 overflow-hidden rounded-full bg-border"
        >
          <span className="block h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
        </span>
      ) : null}
      <Button
        type="button"
        variant="ghost"
        size="icon-sm"
        className="absolute top-1 right-1 size-6 rounded-full text-muted-foreground"
        aria-label={`Remove ${item.name}`}
        onClick={onRemove}
      >
        <X className="size-3.5" />
      </Button>
    </li>
  );
}

/** The files attached to the message being written. */
export function AttachmentChips({ attachments }: { attachments: Attachments }) {
  if (attachments.items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2 px-3 pt-3" aria-label="Attached files">
      {attachments.items.map((item) => (
        <Chip key={item.key} item={item} onRemove={() => attachments.remove(item.key)} />
      ))}
    </ul>
  );
}
