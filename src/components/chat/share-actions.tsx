"use client";

import { Check, GitFork, Globe, Link2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/trpc/react";
import { useCopy } from "@/components/common/use-copy";

/** Copies the chat's address (a public chat's share link). */
export function CopyLinkButton({ chatId, className }: { chatId: string; className?: string }) {
  const { copied, copy } = useCopy();
  return (
    <Button
      type="button"
      variant="ghost"
      size="sm"
      className={className}
      aria-label="Copy link"
      data-testid="copy-link"
      onClick={async () => {
        if (await copy(`${window.location.origin}/chat/${chatId}`)) toast.success("Link copied");
      }}
    >
      {copied ? <Check /> : <Link2 />}
      <span className="hidden @lg:inline">Copy link</span>
    </Button>
  );
}

/** A reader's way on from a public chat: a private copy of it (and its documents) to keep chatting in. */
export function ContinueInNewChatButton({ chatId }: { chatId: string }) {
  const router = useRouter();
  const utils = api.useUtils();
  const fork = api.chats.fork.useMutation({
    onSuccess: ({ id }) => {
      void utils.chats.history.invalidate();
      toast.success("A copy of this chat is now yours");
      router.push(`/chat/${id}`);
    },
    onError: (e) => toast.error(e.message),
  });
  return (
    <Button type="button" size="sm" disabled={fork.isPending || fork.isSuccess} onClick={() => fork.mutate({ id: chatId })}>
      {fork.isPending || fork.isSuccess ? <Spinner /> : <GitFork />} Continue in a new chat
    </Button>
  );
}

/** Above a public chat someone else owns: what it is, and the way to make it one's own. */
export function ReadonlyBanner({ chatId }: { chatId: string }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b bg-muted/60 px-4 py-2 text-sm text-muted-foreground" role="note" data-testid="readonly-banner">
      <Globe className="size-4 shrink-0" aria-hidden />
      <span className="min-w-0 flex-1 basis-56">You are viewing a public chat shared by its owner. It is read-only: you can read it, open its documents, or continue it as your own.</span>
      <ContinueInNewChatButton chatId={chatId} />
    </div>
  );
}
