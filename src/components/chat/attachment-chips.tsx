"use client";

import { FileText, Paperclip, X } from "lucide-react";
import Image from "next/image";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ATTACHMENT_ACCEPT, formatBytes, MAX_ATTACHMENTS } from "@/lib/chat/attachments";
import type { Attachments, PendingAttachment } from "./use-attachments";

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

/** The paperclip: opens the file picker (images and text files; the rest is refused with a toast). */
export function AttachButton({ attachments, disabled }: { attachments: Attachments; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const full = attachments.items.length >= MAX_ATTACHMENTS;
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        // Opened by the labelled button beside it; hidden, so it is neither tabbed to nor read twice.
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          attachments.add(Array.from(e.target.files ?? []));
          // The same file can be chosen again after it was removed.
          e.target.value = "";
        }}
      />
      <Button
        type="button"
        variant="ghost"
        size="icon-sm"
        className="rounded-full text-muted-foreground"
        aria-label="Attach files"
        title={full ? `At most ${MAX_ATTACHMENTS} files per message` : "Attach images or text files"}
        disabled={disabled || full}
        onClick={() => input.current?.click()}
      >
        <Paperclip />
      </Button>
    </>
  );
}
