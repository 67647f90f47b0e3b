"use client";

import { Pencil, RefreshCw, Rocket, Sparkles, ThumbsDown, ThumbsUp, WifiOff } from "lucide-react";
import { memo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ArtifactKind, RadiumUIMessage } from "@/lib/chat/contract";
import { MAX_MESSAGE_CHARS } from "@/lib/chat/contract";
import { readToolPart } from "@/lib/chat/tool-parts";
import { CopyButton } from "./copy-button";
import { IconActionButton } from "./icon-action-button";
import { DocumentToolCard } from "./document-tool-card";
import { Markdown } from "./markdown";

export type Vote = "up" | "down" | null;

export function messageText(message: RadiumUIMessage): string {
  return message.parts
    .map((p) => (p.type === "text" ? p.text : ""))
    .filter(Boolean)
    .join("\n\n");
}

interface MessageProps {
  message: RadiumUIMessage;
  isStreaming: boolean;
  isLastAssistant: boolean;
  readonly: boolean;
  busy: boolean;
  vote: Vote;
  modelName?: string;
  onVote: (messageId: string, type: "up" | "down") => void;
  onRegenerate: (messageId: string) => void;
  onEdit: (messageId: string, text: string) => void;
  onOpenDocument: (doc: { id: string; title: string; kind: ArtifactKind }) => void;
  titleFor: (id: string) => { title: string; kind: ArtifactKind } | undefined;
}

function UserMessage({ message, readonly, busy, onEdit }: Pick<MessageProps, "message" | "readonly" | "busy" | "onEdit">) {
  const text = messageText(message);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const tooLong = draft.length > MAX_MESSAGE_CHARS;

  if (editing) {
    return (
      <form
        className="ml-auto flex w-full max-w-[85%] flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.trim() || tooLong) return;
          setEditing(false);
          onEdit(message.id, draft.trim());
        }}
      >
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
          <Button type="submit" size="sm" disabled={!draft.trim() || tooLong}>
            Send
          </Button>
        </div>
      </form>
    );
  }

  return (
    <div className="group/message ml-auto flex max-w-[85%] flex-col items-end gap-1">
      <div className="rounded-2xl rounded-br-md bg-primary px-4 py-2.5 text-[15px] whitespace-pre-wrap text-primary-foreground" data-testid="user-message-text">
        {text}
      </div>
      <div className="flex items-center gap-0.5 opacity-100 transition-opacity md:opacity-0 md:group-focus-within/message:opacity-100 md:group-hover/message:opacity-100">
        <CopyButton value={text} label="Copy message" />
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
  );
}

function AssistantMessage({
  message,
  isStreaming,
  isLastAssistant,
  readonly,
  busy,
  vote,
  modelName,
  onVote,
  onRegenerate,
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
        {message.parts.map((part, i) => {
          if (part.type === "text") {
            if (!part.text) return null;
            return (
              <Markdown key={i} testId="message-text">
                {part.text}
              </Markdown>
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
          const tool = readToolPart(part as { type: string });
          if (tool) return <DocumentToolCard key={tool.toolCallId || i} view={tool} titleFor={titleFor} onOpen={onOpenDocument} />;
          return null;
        })}
        {isStreaming && !hasContent ? <ThinkingDots /> : null}
        {isStreaming && hasContent ? <span className="sr-only">The answer is streaming</span> : null}
        {!isStreaming ? (
          <div className="flex flex-wrap items-center gap-0.5">
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

export function ThinkingDots() {
  return (
    <div className="flex h-7 items-center gap-1" role="status" aria-label="Thinking" data-testid="thinking">
      {[0, 1, 2].map((i) => (
        <span key={i} className="size-1.5 animate-bounce rounded-full bg-muted-foreground/70" style={{ animationDelay: `${i * 150}ms` }} />
      ))}
    </div>
  );
}

export const Message = memo(
  function Message(props: MessageProps) {
    return (
      <div data-testid={`message-${props.message.role}`} data-message-id={props.message.id} className="w-full">
        {props.message.role === "user" ? (
          <UserMessage message={props.message} readonly={props.readonly} busy={props.busy} onEdit={props.onEdit} />
        ) : (
          <AssistantMessage {...props} />
        )}
      </div>
    );
  },
  (a, b) =>
    a.message === b.message &&
    a.isStreaming === b.isStreaming &&
    a.isLastAssistant === b.isLastAssistant &&
    a.readonly === b.readonly &&
    a.busy === b.busy &&
    a.vote === b.vote &&
    a.modelName === b.modelName &&
    a.titleFor === b.titleFor &&
    a.onVote === b.onVote &&
    a.onRegenerate === b.onRegenerate &&
    a.onEdit === b.onEdit &&
    a.onOpenDocument === b.onOpenDocument,
);
