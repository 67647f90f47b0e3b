"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { MAX_CHAT_TITLE_CHARS } from "@/lib/chat/contract";
import type { HistoryItem } from "./history-cache";

export function RenameChatDialog({
  chat,
  pending,
  onClose,
  onSave,
}: {
  chat: HistoryItem | null;
  pending: boolean;
  onClose: () => void;
  onSave: (title: string) => void;
}) {
  // The field starts from the chat's title whenever another chat is chosen, in the same render (an
  // effect would first paint the previous chat's title); while the dialog closes it keeps its text.
  const [title, setTitle] = useState(chat?.title ?? "");
  const [shown, setShown] = useState(chat);
  if (chat !== shown) {
    setShown(chat);
    if (chat) setTitle(chat.title);
  }
  const trimmed = title.trim();
  return (
    <Dialog open={chat !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (trimmed && trimmed.length <= MAX_CHAT_TITLE_CHARS) onSave(trimmed);
          }}
          className="flex flex-col gap-4"
        >
          <DialogHeader>
            <DialogTitle>Rename chat</DialogTitle>
            <DialogDescription>Give this chat a name you will recognise in the history.</DialogDescription>
          </DialogHeader>
          <div className="flex flex-col gap-2">
            <Label htmlFor="rename-chat-title">Title</Label>
            <Input id="rename-chat-title" value={title} maxLength={MAX_CHAT_TITLE_CHARS} autoFocus onChange={(e) => setTitle(e.target.value)} />
          </div>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!trimmed || pending}>
              {pending ? <Spinner /> : null} Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
