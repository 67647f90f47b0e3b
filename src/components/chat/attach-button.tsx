"use client";

import { Paperclip } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ATTACHMENT_ACCEPT, MAX_ATTACHMENTS } from "@/lib/chat/attachments";
import type { Attachments } from "./use-attachments";

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
