"use client";

import type { ChatStatus } from "ai";
import { ArrowDown } from "lucide-react";
import { useMemo } from "react";
import { useStickToBottom } from "use-stick-to-bottom";
import { Button } from "@/components/ui/button";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { ErrorBanner } from "./error-banner";
import { Message } from "./message";
import type { MessageProps, Vote } from "./message-props";
import type { BranchView } from "./branch-switcher";
import { ThinkingDots } from "./thinking-dots";

type MessageActions = Pick<MessageProps, "onSwitchBranch" | "onVote" | "onRegenerate" | "onContinue" | "onEdit" | "onOpenDocument" | "titleFor">;

interface MessageListProps extends MessageActions {
  messages: RadiumUIMessage[];
  status: ChatStatus;
  error: Error | undefined;
  readonly: boolean;
  /** True while a branch switch is being saved: message actions wait for it. */
  switching: boolean;
  votes: Map<string, Vote>;
  branches: Map<string, BranchView>;
  isStopped: (message: RadiumUIMessage) => boolean;
  modelNames: Map<string, string>;
  onRetry: () => void;
  onDismissError: () => void;
  /** Shown instead of the list while the chat has no messages. */
  empty: React.ReactNode;
}

/** The conversation, pinned to the newest words while they stream unless the reader scrolls up. */
export function MessageList({ messages, status, error, readonly, switching, votes, branches, isStopped, modelNames, onRetry, onDismissError, empty, ...actions }: MessageListProps) {
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom({ initial: "instant", resize: "smooth" });
  const busy = status === "submitted" || status === "streaming";
  const lastAssistantId = useMemo(() => {
    const last = messages.at(-1);
    return last?.role === "assistant" ? last.id : null;
  }, [messages]);
  const streamingId = busy ? lastAssistantId : null;
  const showThinking = status === "submitted" && messages.at(-1)?.role === "user";

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} className="h-full overflow-y-auto" data-testid="messages">
        {messages.length === 0 && empty ? (
          <div className="flex min-h-full flex-col px-4">{empty}</div>
        ) : (
          <div ref={contentRef} className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6" aria-live="polite" aria-busy={busy}>
            {messages.map((m) => (
              <Message
                key={m.id}
                message={m}
                isStreaming={m.id === streamingId}
                isLastAssistant={m.id === lastAssistantId}
                readonly={readonly}
                busy={busy || switching}
                vote={votes.get(m.id) ?? null}
                branch={branches.get(m.id)}
                stopped={isStopped(m)}
                modelName={m.metadata?.model ? (modelNames.get(m.metadata.model) ?? m.metadata.model) : undefined}
                {...actions}
              />
            ))}
            {showThinking ? (
              <div className="flex gap-3">
                <div className="size-8 shrink-0" />
                <ThinkingDots />
              </div>
            ) : null}
            {error ? <ErrorBanner error={error} onRetry={onRetry} onDismiss={onDismissError} /> : null}
          </div>
        )}
      </div>
      {!isAtBottom && messages.length > 0 ? (
        <Button
          variant="outline"
          size="icon-sm"
          aria-label="Scroll to the latest message"
          // At the right edge, beside the message column rather than over its text.
          className="absolute right-4 bottom-3 rounded-full shadow-md"
          onClick={() => void scrollToBottom()}
        >
          <ArrowDown />
        </Button>
      ) : null}
    </div>
  );
}
