"use client";

import { useChat } from "@ai-sdk/react";
import type { FileUIPart } from "ai";
import { ArrowDown } from "lucide-react";
import dynamic from "next/dynamic";
import { useStickToBottom } from "use-stick-to-bottom";
import { Spinner } from "@/components/ui/spinner";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { type ArtifactKind, type ChatVisibility, DEFAULT_CHAT_TITLE, type RadiumUIMessage } from "@/lib/chat/contract";
import { lastAnswerDocument, readToolPart } from "@/lib/chat/tool-parts";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { ChatGreeting } from "./chat-greeting";
import { ChatHeader } from "./chat-header";
import { useBumpChatInHistory, useChatHistory } from "./chat-history";
import { useChatLayout } from "./chat-layout";
import { Composer } from "./composer";
import { DropOverlay } from "./drop-overlay";
import { ErrorBanner } from "./error-banner";
import { Message, messageFiles, messageText, ThinkingDots } from "./message";
import { ModelSelector, type ModelOption } from "./model-selector";
import { DocumentBeside } from "./document-beside";
import { CopyLinkButton, ReadonlyBanner } from "./share-actions";
import { useAttachments } from "./use-attachments";
import { useChatBranches } from "./use-chat-branches";
import { useChatData } from "./use-chat-data";
import { useChatTransport } from "./use-chat-transport";
import { useChatSettings } from "./use-chat-settings";
import { useChatVotes } from "./use-chat-votes";
import { useEscapeToStop } from "./use-escape-to-stop";
import { useFileDrop } from "./use-file-drop";
import { DESKTOP_QUERY, useMediaQuery } from "./use-media-query";
import { useOpenDocument } from "./use-open-document";
import { useStoppedAnswers } from "./use-stopped-answers";
import { VisibilitySelector } from "./visibility-selector";

export interface ChatProps {
  id: string;
  initialMessages: RadiumUIMessage[];
  initialTitle: string | null;
  initialModel: string;
  initialVisibility: ChatVisibility;
  models: ModelOption[];
  /** The user's active deployments, offered as "Your deployments" (ids `deployment:<uuid>`). */
  deployments?: ModelOption[];
  /** False for a public chat of another user: read-only. */
  isOwner: boolean;
  /** True on "/" before the first message creates the chat. */
  isNew: boolean;
}

const NO_DEPLOYMENTS: ModelOption[] = [];

// The document panel (editors, diffs, Markdown) loads when a document first opens, not with the chat.
const ArtifactPanel = dynamic(() => import("@/components/artifact/artifact-panel").then((m) => m.ArtifactPanel), {
  ssr: false,
  loading: () => (
    <div className="flex flex-1 items-center justify-center">
      <Spinner label="Opening the document" />
    </div>
  ),
});

export function Chat({ id, initialMessages, initialTitle, initialModel, initialVisibility, models: registryModels, deployments = NO_DEPLOYMENTS, isOwner, isNew }: ChatProps) {
  // Everything a chat may be answered by: lookups (names, offline, the remembered pick) cover both groups.
  const models = useMemo(() => [...registryModels, ...deployments], [registryModels, deployments]);
  const utils = api.useUtils();
  const bumpInHistory = useBumpChatInHistory();
  const readonly = !isOwner;
  const { setArtifactOpen } = useChatLayout();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  const [created, setCreated] = useState(!isNew);
  const { model, visibility, onModelChange, onVisibilityChange } = useChatSettings({ id, initialModel, initialVisibility, models, isNew, canSave: created && isOwner });
  // `created` turns on as the first message is sent (the address changes at once); the server saves the
  // chat just before it starts answering, so the chat's own queries wait until the answer streams.
  const [saved, setSaved] = useState(!isNew);
  const [localTitle, setLocalTitle] = useState(initialTitle);
  const rootRef = useRef<HTMLDivElement>(null);
  const { openDoc, setOpenDoc } = useOpenDocument(rootRef);
  const flushArtifact = useRef<(() => Promise<void>) | null>(null);
  const registerFlush = useCallback((fn: (() => Promise<void>) | null) => {
    flushArtifact.current = fn;
  }, []);

  // A chat whose last answer wrote a document opens with that document beside it (on wide screens:
  // on a phone the panel would cover the conversation; the card is one tap away).
  const reopened = useRef(false);
  useEffect(() => {
    if (reopened.current || isNew || !isDesktop) return;
    reopened.current = true;
    const doc = lastAnswerDocument(initialMessages);
    if (doc) setOpenDoc(doc);
  }, [isNew, isDesktop, initialMessages, setOpenDoc]);

  const transport = useChatTransport({ model, visibility });
  const data = useChatData({ chatId: id, openDocument: setOpenDoc, onTitle: setLocalTitle });
  const stopped = useStoppedAnswers();
  const { messages, setMessages, sendMessage, regenerate, stop, status, error, clearError } = useChat<RadiumUIMessage>({
    id,
    messages: initialMessages,
    transport,
    throttle: 40,
    onData: data.onData,
    onFinish: ({ message, isAbort }) => {
      if (message.role === "assistant") stopped.update(message.id, isAbort);
      bumpInHistory(id);
      void utils.votes.byChat.invalidate({ chatId: id });
      void utils.chats.branches.invalidate({ id });
    },
  });

  const busy = status === "submitted" || status === "streaming";
  const conversationRef = useRef<HTMLElement>(null);
  useEscapeToStop(busy, stop, conversationRef);
  const attachments = useAttachments();
  const dropping = useFileDrop(conversationRef, attachments.add, !readonly);
  useEffect(() => {
    if (status === "streaming") setSaved(true);
  }, [status]);
  const settleDocument = data.settle;
  useEffect(() => {
    if (!busy) settleDocument();
  }, [busy, settleDocument]);

  // The title: the history's copy (follows renames), else the generated one.
  const history = useChatHistory();
  const historyItem = useMemo(() => history.data?.pages.flatMap((p) => p.items).find((c) => c.id === id), [history.data, id]);
  const title = historyItem?.title || localTitle || (created || messages.length > 0 ? DEFAULT_CHAT_TITLE : null);

  // Documents of this chat: titles for tool cards, and what a viewer can open.
  const docsQuery = api.documents.byChat.useQuery({ chatId: id }, { enabled: saved, retry: false });
  const docIndex = useMemo(() => {
    const map = new Map<string, { title: string; kind: ArtifactKind }>();
    for (const d of docsQuery.data ?? []) map.set(d.id, { title: d.title, kind: d.kind });
    return map;
  }, [docsQuery.data]);
  const titleFor = useCallback((docId: string) => docIndex.get(docId), [docIndex]);

  const { votes, onVote } = useChatVotes(id, saved && isOwner);
  const { branches, onSwitchBranch, switching } = useChatBranches(id, saved && isOwner, setMessages);

  const markCreated = useCallback(() => {
    if (created) return;
    setCreated(true);
    // The conversation stays mounted; only the address changes.
    window.history.replaceState(null, "", `/chat/${id}`);
  }, [created, id]);

  const send = useCallback(
    async (text: string, files: FileUIPart[] = []) => {
      await flushArtifact.current?.();
      markCreated();
      // Files alone are a message: no empty text part beside them.
      void sendMessage(text ? { text, files } : { files });
    },
    [markCreated, sendMessage],
  );

  // Every turn first saves a pending document edit, so the model works from what the user sees.
  const onEdit = useCallback(
    async (messageId: string, text: string, files: FileUIPart[] = []) => {
      await flushArtifact.current?.();
      void sendMessage(text ? { text, files, messageId } : { files, messageId });
    },
    [sendMessage],
  );

  const onRegenerate = useCallback(
    async (messageId: string) => {
      await flushArtifact.current?.();
      void regenerate({ messageId });
    },
    [regenerate],
  );

  // A send without a message carries on the last answer (the transport names it).
  const markStopped = stopped.update;
  const onContinue = useCallback(
    async (messageId: string) => {
      await flushArtifact.current?.();
      markStopped(messageId, false);
      void sendMessage();
    },
    [markStopped, sendMessage],
  );

  const retry = useCallback(async () => {
    clearError();
    const lastUser = [...messages].reverse().find((m) => m.role === "user");
    if (!lastUser) return;
    await flushArtifact.current?.();
    // Re-sending the last user message under its id replaces it and anything after it.
    const text = messageText(lastUser);
    const files = messageFiles(lastUser);
    void sendMessage(text ? { text, files, messageId: lastUser.id } : { files, messageId: lastUser.id });
  }, [clearError, messages, sendMessage]);

  // Opening a public chat's documents: the latest document is one click away in the header.
  const lastDocId = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      for (let j = m.parts.length - 1; j >= 0; j--) {
        const view = readToolPart(m.parts[j]!);
        if (view?.documentId && (view.tool === "createDocument" || view.tool === "updateDocument")) return view.documentId;
      }
    }
    return docsQuery.data?.[0]?.id ?? null; // byChat is newest first
  }, [messages, docsQuery.data]);

  useEffect(() => {
    setArtifactOpen(openDoc !== null);
    return () => setArtifactOpen(false);
  }, [openDoc, setArtifactOpen]);

  // Pinned to the newest words while they stream, unless the reader scrolls up (use-stick-to-bottom).
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom({ initial: "instant", resize: "smooth" });

  const lastAssistantId = useMemo(() => {
    const last = messages.at(-1);
    return last?.role === "assistant" ? last.id : null;
  }, [messages]);
  const streamingId = busy && lastAssistantId ? lastAssistantId : null;
  const modelNames = useMemo(() => new Map(models.map((m) => [m.id, m.name])), [models]);
  const showThinking = status === "submitted" && messages.at(-1)?.role === "user";

  const panel = openDoc ? (
    <ArtifactPanel
      key={openDoc.id}
      doc={openDoc}
      streaming={data.streamDoc}
      chatReadonly={readonly}
      chatBusy={busy}
      onClose={() => setOpenDoc(null)}
      onPrompt={(text) => void send(text)}
      registerFlush={registerFlush}
    />
  ) : null;

  const lastDoc = lastDocId ? (docIndex.get(lastDocId) ? { id: lastDocId, ...docIndex.get(lastDocId)! } : null) : null;

  return (
    <div ref={rootRef} className="flex min-w-0 flex-1">
      <section
        ref={conversationRef}
        data-skip-target
        tabIndex={-1}
        aria-label="Conversation"
        className={cn("@container relative flex min-w-0 flex-1 flex-col outline-none", openDoc && isDesktop && "w-[400px] flex-none border-r xl:w-[440px]")}
      >
        <ChatHeader
          title={title}
          controls={
            readonly ? null : (
              <>
                <ModelSelector models={registryModels} deployments={deployments} value={model} onChange={onModelChange} disabled={busy} />
                <VisibilitySelector value={visibility} onChange={onVisibilityChange} />
                {visibility === "public" && created ? <CopyLinkButton chatId={id} /> : null}
              </>
            )
          }
          onOpenLatestDocument={readonly && lastDoc ? () => setOpenDoc(lastDoc) : null}
          readerActions={readonly ? <CopyLinkButton chatId={id} /> : null}
        />

        {readonly ? <ReadonlyBanner chatId={id} /> : null}

        <div className="relative min-h-0 flex-1">
          <div ref={scrollRef} className="h-full overflow-y-auto" data-testid="messages">
            {messages.length === 0 && !readonly ? (
              <div className="flex min-h-full flex-col px-4">
                <ChatGreeting onPick={(p) => void send(p)} disabled={busy} />
              </div>
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
                    onSwitchBranch={onSwitchBranch}
                    stopped={stopped.isStopped(m)}
                    modelName={m.metadata?.model ? (modelNames.get(m.metadata.model) ?? m.metadata.model) : undefined}
                    onVote={onVote}
                    onRegenerate={onRegenerate}
                    onContinue={onContinue}
                    onEdit={onEdit}
                    onOpenDocument={setOpenDoc}
                    titleFor={titleFor}
                  />
                ))}
                {showThinking ? (
                  <div className="flex gap-3">
                    <div className="size-8 shrink-0" />
                    <ThinkingDots />
                  </div>
                ) : null}
                {error ? <ErrorBanner error={error} onRetry={retry} onDismiss={clearError} /> : null}
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

        {!readonly ? (
          <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-2 pb-4">
            <Composer busy={busy} onSend={(t, files) => void send(t, files)} onStop={() => void stop()} autoFocus={isNew} attachments={attachments} />
            <p className="mt-2 text-center text-[11px] text-muted-foreground">
              {models.find((m) => m.id === model)?.offline
                ? "Offline model: answers are generated locally without an AI provider."
                : "AI answers can be wrong. Check important information."}
            </p>
          </div>
        ) : null}
        {dropping ? <DropOverlay /> : null}
      </section>

      {openDoc ? (
        <DocumentBeside title={openDoc.title} sheet={!isDesktop} onClose={() => setOpenDoc(null)}>
          {panel}
        </DocumentBeside>
      ) : null}
    </div>
  );
}
