"use client";

import { Play, RefreshCw, Rocket, Sparkles, ThumbsDown, ThumbsUp, WifiOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { joinContinuedText } from "@/lib/chat/continued-text";
import { readToolPart } from "@/lib/chat/tool-parts";
import { BranchSwitcher } from "./branch-switcher";
import { CopyButton } from "@/components/common/copy-button";
import { DocumentToolCard } from "./document-tool-card";
import { IconActionButton } from "@/components/common/icon-action-button";
import { AnswerText } from "./answer-text";
import type { MessageProps } from "./message-props";
import { messageText } from "./message-text";
import { ThinkingDots } from "./thinking-dots";

/** Under an answer the user stopped: says so, and on the chat's last answer offers Continue. */
function StoppedNote({ canContinue, busy, onContinue }: { canContinue: boolean; busy: boolean; onContinue: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground" data-testid="stopped-note">
      <span className="rounded-full border border-dashed px-2 py-0.5">Stopped</span>
      {canContinue ? (
        <Button type="button" variant="outline" size="sm" className="h-7 rounded-full" disabled={busy} onClick={onContinue}>
          <Play className="size-3.5" aria-hidden /> Continue
        </Button>
      ) : null}
    </div>
  );
}

/** An answer: its text, reasoning and document cards, then Copy, votes, Regenerate and who answered. */
export function AssistantMessage({
  message,
  isStreaming,
  isLastAssistant,
  readonly,
  busy,
  vote,
  modelName,
  onVote,
  stopped,
  branch,
  onSwitchBranch,
  onRegenerate,
  onContinue,
  onOpenDocument,
  titleFor,
}: Omit<MessageProps, "onEdit">) {
  const text = messageText(message);
  const offline = message.metadata?.offline === true;
  // One of the user's own deployments answered: say which (the chat's model may since have changed).
  const deployment = message.metadata?.deployment;
  const hasContent = message.parts.some((p) => (p.type === "text" && p.text.length > 0) || p.type.startsWith("tool-"));

  return (
    <div className="group/message flex w-full gap-3" data-offline={offline || undefined}>
      <div className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-primary ring-1 ring-primary/20">
        <Sparkles className="size-4" />
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        {joinContinuedText(message.parts).map((part, i) => {
          if (part.type === "text") {
            if (!part.text) return null;
            return (
              <AnswerText key={i} text={part.text} />
            );
          }
          if (part.type === "reasoning") {
            return part.text ? (
              <details key={i} className="text-sm text-muted-foreground">
                <summary className="cursor-pointer select-none">Reasoning</summary>
                <div className="mt-1 border-l-2 pl-3 whitespace-pre-wrap">{part.text}</div>
              </details>
            ) : null;
          }
          const tool = readToolPart(part);
          if (tool) return <DocumentToolCard key={tool.toolCallId || i} view={tool} titleFor={titleFor} onOpen={onOpenDocument} />;
          return null;
        })}
        {isStreaming && !hasContent ? <ThinkingDots /> : null}
        {isStreaming && hasContent ? <span className="sr-only">The answer is streaming</span> : null}
        {!isStreaming && stopped ? (
          <StoppedNote canContinue={isLastAssistant && !readonly} busy={busy} onContinue={() => onContinue(message.id)} />
        ) : null}
        {!isStreaming ? (
          <div className="flex flex-wrap items-center gap-0.5">
            {branch && !readonly ? <BranchSwitcher branch={branch} disabled={busy} onSwitch={onSwitchBranch} /> : null}
            {text ? <CopyButton value={text} label="Copy answer" /> : null}
            {!readonly ? (
              <>
                <IconActionButton label="Good answer" pressed={vote === "up"} onClick={() => onVote(message.id, "up")}>
                  <ThumbsUp />
                </IconActionButton>
                <IconActionButton label="Bad answer" pressed={vote === "down"} onClick={() => onVote(message.id, "down")}>
                  <ThumbsDown />
                </IconActionButton>
                {isLastAssistant ? (
                  <IconActionButton label="Regenerate answer" disabled={busy} onClick={() => onRegenerate(message.id)}>
                    <RefreshCw />
                  </IconActionButton>
                ) : null}
              </>
            ) : null}
            {deployment ? (
              <span className="ml-1 inline-flex items-center gap-1 text-[11px] text-muted-foreground" data-testid="answered-by">
                <Rocket className="size-3" aria-hidden /> Answered by <span className="font-mono">{deployment.name}</span>
              </span>
            ) : offline ? (
              <span className="ml-1 inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] text-muted-foreground" data-testid="offline-note">
                <WifiOff className="size-3" /> Offline model
              </span>
            ) : modelName ? (
              <span className="ml-1 text-[11px] text-muted-foreground">{modelName}</span>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
