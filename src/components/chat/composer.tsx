"use client";

import type { FileUIPart } from "ai";
import { ArrowUp, Square } from "lucide-react";
import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/contract";
import { cn } from "@/lib/utils";
import dynamic from "next/dynamic";
import { AttachButton } from "./attach-button";
import type { Attachments } from "./use-attachments";

// Loaded once a file is attached: most messages have none.
const AttachmentChips = dynamic(() => import("./attachment-chips").then((m) => m.AttachmentChips), { ssr: false });

const COUNTER_FROM = Math.floor(MAX_MESSAGE_CHARS * 0.8);

export interface ComposerHandle {
  focus(): void;
}

/**
 * The message box: Enter sends, Shift+Enter adds a line, a counter appears near the length limit.
 * With `attachments`, files come by the paperclip or by pasting, show as chips above the text, and
 * Send waits until they are uploaded.
 */
export function Composer({
  busy,
  disabled,
  onSend,
  onStop,
  placeholder = "Send a message…",
  autoFocus,
  footer,
  attachments,
}: {
  busy: boolean;
  disabled?: boolean;
  onSend: (text: string, files: FileUIPart[]) => void;
  onStop: () => void;
  placeholder?: string;
  autoFocus?: boolean;
  footer?: React.ReactNode;
  attachments?: Attachments;
}) {
  const [value, setValue] = useState("");
  const [ready, setReady] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const length = value.length;
  const tooLong = length > MAX_MESSAGE_CHARS;
  const hasFiles = (attachments?.items.length ?? 0) > 0;
  const uploading = attachments?.uploading ?? false;
  // Files alone make a message.
  const empty = value.trim().length === 0 && !hasFiles;

  useEffect(() => {
    setReady(true);
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy || disabled || empty || tooLong || uploading) return;
    onSend(value.trim(), attachments?.take() ?? []);
    setValue("");
  }

  // Pasted files (a screenshot, a file copied in a file manager) are attached; pasted text stays text.
  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const files = Array.from(e.clipboardData.files);
    if (!attachments || files.length === 0) return;
    e.preventDefault();
    attachments.add(files);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  return (
    <form onSubmit={submit} className="relative w-full" aria-label="Send a message" data-ready={ready || undefined}>
      <div
        className={cn(
          "flex flex-col rounded-2xl border bg-background shadow-sm transition-colors focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/30 dark:bg-card",
          tooLong && "border-destructive focus-within:border-destructive focus-within:ring-destructive/20",
        )}
      >
        {attachments && attachments.items.length > 0 ? <AttachmentChips attachments={attachments} /> : null}
        <label htmlFor="chat-input" className="sr-only">
          Message
        </label>
        <textarea
          id="chat-input"
          data-focus-after-document
          ref={ref}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          placeholder={placeholder}
          disabled={disabled}
          rows={1}
          aria-invalid={tooLong || undefined}
          aria-describedby={length >= COUNTER_FROM ? "chat-input-counter" : undefined}
          className="field-sizing-content max-h-60 min-h-[52px] w-full resize-none bg-transparent px-4 pt-3.5 pb-1 text-[15px] outline-none placeholder:text-muted-foreground disabled:cursor-not-allowed"
        />
        <div className="flex items-center gap-2 px-2 pb-2">
          <div className="flex min-w-0 flex-1 items-center gap-1">
            {attachments ? <AttachButton attachments={attachments} disabled={disabled} /> : null}
            {footer}
          </div>
          {length >= COUNTER_FROM ? (
            <span
              id="chat-input-counter"
              data-testid="char-counter"
              className={cn("text-xs tabular-nums", tooLong ? "font-medium text-destructive" : "text-muted-foreground")}
            >
              {length.toLocaleString("en")} / {MAX_MESSAGE_CHARS.toLocaleString("en")}
            </span>
          ) : null}
          {busy ? (
            <Button type="button" size="icon-sm" className="rounded-full" onClick={onStop} aria-label="Stop generating" aria-keyshortcuts="Escape" title="Stop generating (Esc)">
              <Square className="size-3.5 fill-current" />
            </Button>
          ) : (
            <Button
              type="submit"
              size="icon-sm"
              className="rounded-full"
              disabled={disabled || empty || tooLong || uploading}
              aria-label="Send message"
              title={uploading ? "Waiting for the files to upload" : undefined}
            >
              <ArrowUp />
            </Button>
          )}
        </div>
      </div>
      {tooLong ? (
        <p className="mt-1.5 px-2 text-xs text-destructive" role="alert">
          Messages can be at most {MAX_MESSAGE_CHARS.toLocaleString("en")} characters. Shorten it by{" "}
          {(length - MAX_MESSAGE_CHARS).toLocaleString("en")}.
        </p>
      ) : null}
    </form>
  );
}
