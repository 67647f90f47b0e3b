"use client";

import { Eye, PanelLeft, SquarePen } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useNewChat } from "./use-new-chat";
import { useChatLayout } from "./chat-layout";

function HeaderButton({ label, tip, onClick, className, children }: { label: string; tip: string; onClick: () => void; className?: string; children: ReactNode }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label={label} onClick={onClick} className={className}>
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{tip}</TooltipContent>
    </Tooltip>
  );
}

/**
 * The chat's top bar: history toggle, new chat (on narrow screens), the title, then the owner's
 * controls (`controls`) or, for a reader of a public chat, its actions and a way to open its latest document.
 */
export function ChatHeader({
  title,
  controls,
  readerActions,
  onOpenLatestDocument,
}: {
  title: string | null;
  controls: ReactNode | null;
  readerActions: ReactNode | null;
  onOpenLatestDocument: (() => void) | null;
}) {
  const { toggleHistory } = useChatLayout();
  const newChat = useNewChat();
  return (
    <header className="flex h-12 shrink-0 items-center gap-1 border-b px-2">
      <HeaderButton label="Toggle chat history" tip="Chat history" onClick={toggleHistory}>
        <PanelLeft />
      </HeaderButton>
      <HeaderButton label="New chat" tip="New chat" onClick={newChat} className="lg:hidden">
        <SquarePen />
      </HeaderButton>
      <h1 className="min-w-0 flex-1 truncate px-1 text-sm font-medium" data-testid="chat-title">
        {title ?? <span className="text-muted-foreground">New chat</span>}
      </h1>
      {controls}
      {readerActions}
      {onOpenLatestDocument ? (
        <Button variant="outline" size="sm" data-focus-after-document onClick={onOpenLatestDocument}>
          <Eye /> Open document
        </Button>
      ) : null}
    </header>
  );
}
