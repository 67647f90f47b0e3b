"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/contract";
import { CopyButton } from "@/components/common/copy-button";
import { IconActionButton } from "@/components/common/icon-action-button";
import { BranchSwitcher } from "./branch-switcher";
import dynamic from "next/dynamic";
import type { MessageProps } from "./message-props";
import { messageFiles, messageText } from "./message-text";

// Only messages that carry files need it (and its image viewer).
const MessageAttachments = dynamic(() => import("./message-attachments").then((m) => m.MessageAttachments));

/** The user's message: its attachments and text, Copy, and Edit (which replaces later turns, keeping the files). */
export function UserMessage({
  message,
  readonly,
  busy,
  onEdit,
  branch,
  onSwitchBranch,
}: Pick<MessageProps, "message" | "readonly" | "busy" | "onEdit" | "branch" | "onSwitchBranch">) {
  const text = messageText(message);
  const files = messageFiles(message);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const tooLong = draft.length > MAX_MESSAGE_CHARS;
  // A message with files may lose its text; one without needs some.
  const emptyDraft = !draft.trim() && files.length === 0;

  if (editing) {
    return (
      <form
        className="ml-auto flex w-full max-w-[85%] flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (emptyDraft || tooLong) return;
          setEditing(false);
          onEdit(message.id, draft.trim(), files);
        }}
      >
        {files.length > 0 ? <MessageAttachments files={files} /> : null}
        <label htmlFor={`edit-${message.id}`} className="sr-only">
          Edit message
        </label>
        <textarea
          id={`edit-${message.id}`}
          // biome-ignore lint/a11y/noAutofocus: the editor opens because the user just pressed Edit; focus follows that click
          autoFocus
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") setEditing(false);
            if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          className="field-sizing-content max-h-72 min-h-20 w-full resize-none rounded-xl border bg-background px-3 py-2 text-[15px] outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/30 dark:bg-card"
        />
        <div className="flex items-center justify-end gap-2">
          <span className="mr-auto text-xs text-muted-foreground">Later messages in this chat will be replaced.</span>
          <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(false)}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={emptyDraft || tooLong}>
            Send
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="group/message ml-auto flex max-w-[85%] flex-col items-end gap-1">
      {files.length > 0 ? <MessageAttachments files={files} /> : null}
      {text ? (
        <div className="rounded-2xl rounded-br-md bg-primary px-4 py-2.5 text-[15px] whitespace-pre-wrap text-primary-foreground" data-testid="user-message-text">
          {text}
        </div>
      ) : null}
      <div className="flex items-center gap-0.5">
        {branch && !readonly ? <BranchSwitcher branch={branch} disabled={busy} onSwitch={onSwitchBranch} /> : null}
        <div className="flex items-center gap-0.5 opacity-100 transition-opacity md:opacity-0 md:group-focus-within/message:opacity-100 md:group-hover/message:opacity-100">
        {text ? <CopyButton value={text} label="Copy message" /> : null}
        {!readonly ? (
          <IconActionButton
            label="Edit message"
            disabled={busy}
            onClick={() => {
              setDraft(text);
              setEditing(true);
            }}
          >
            <Pencil />
          </IconActionButton>
        ) : null}
        </div>
      </div>
    </div>
  );
}
