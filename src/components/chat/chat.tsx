"use client";

import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport } from "ai";
import { ArrowDown, Eye, Globe, PanelLeft, SquarePen } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ArtifactPanel, type OpenDocument } from "@/components/artifact/artifact-panel";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { ArtifactKind, ChatRequestBody, ChatVisibility, RadiumUIMessage } from "@/lib/chat/contract";
import { isDocumentStreamPart, reduceDocumentStream, type StreamingDocument } from "@/lib/chat/document-stream";
import { readToolPart } from "@/lib/chat/tool-parts";
import { cn } from "@/lib/utils";
import { useEscapeToStop } from "./use-escape-to-stop";
import { api } from "@/trpc/react";
import { ChatGreeting } from "./chat-greeting";
import { useBumpChatInHistory, useChatHistory, useNewChat } from "./chat-history";
import { useChatLayout } from "./chat-layout";
import { Composer } from "./composer";
import { ErrorBanner } from "./error-banner";
import { Message, messageText, ThinkingDots, type Vote } from "./message";
import { ModelSelector, type ModelOption } from "./model-selector";
import { DESKTOP_QUERY, useMediaQuery } from "./use-media-query";
import { useStickToBottom } from "./use-stick-to-bottom";
import { VisibilitySelector } from "./visibility-selector";

const LAST_MODEL_KEY = "radium:last-model";

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

export function Chat({ id, initialMessages, initialTitle, initialModel, initialVisibility, models: registryModels, deployments = NO_DEPLOYMENTS, isOwner, isNew }: ChatProps) {
  // Everything a chat may be answered by: lookups (names, offline, the remembered pick) cover both groups.
  const models = useMemo(() => [...registryModels, ...deployments], [registryModels, deployments]);
  const utils = api.useUtils();
  const bumpInHistory = useBumpChatInHistory();
  const readonly = !isOwner;
  const { toggleHistory, setArtifactOpen } = useChatLayout();
  const newChat = useNewChat();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  const [model, setModelState] = useState(initialModel);
  const [visibility, setVisibilityState] = useState<ChatVisibility>(initialVisibility);
  const [created, setCreated] = useState(!isNew);
  // `created` turns on as the first message is sent (the address changes at once); the server saves the
  // chat just before it starts answering, so the chat's own queries wait until the answer streams.
  const [saved, setSaved] = useState(!isNew);
  const [localTitle, setLocalTitle] = useState(initialTitle);
  const [openDoc, setOpenDocState] = useState<OpenDocument | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  // What had focus when the document opened (a tool card, the header button, the composer): closing the
  // panel removes the focused element, and focus must go back there rather than fall to <body>.
  const openerRef = useRef<HTMLElement | null>(null);
  const setOpenDoc = useCallback((doc: OpenDocument | null) => {
    const active = document.activeElement;
    if (doc && active instanceof HTMLElement && active !== document.body && !active.closest("[data-testid=artifact-panel]")) openerRef.current = active;
    setOpenDocState(doc);
  }, []);
  const [streamDoc, setStreamDoc] = useState<StreamingDocument | null>(null);
  const flushArtifact = useRef<(() => Promise<void>) | null>(null);
  const registerFlush = useCallback((fn: (() => Promise<void>) | null) => {
    flushArtifact.current = fn;
  }, []);

  // A new chat starts with the model last picked (when it is still offered).
  useEffect(() => {
    if (!isNew) return;
    const last = window.localStorage.getItem(LAST_MODEL_KEY);
    if (last && models.some((m) => m.id === last)) setModelState(last);
  }, [isNew, models]);

  // The request body reads the current selections through refs (the transport is created once).
  const bodyRef = useRef({ model, visibility });
  bodyRef.current = { model, visibility };

  const transport = useMemo(
    () =>
      new DefaultChatTransport<RadiumUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ id: chatId, messages, trigger, messageId }) => {
          const body: ChatRequestBody = {
            id: chatId,
            message: trigger === "submit-message" ? messages.at(-1) : undefined,
            trigger,
            messageId,
            model: bodyRef.current.model,
            visibility: bodyRef.current.visibility,
          };
          return { body };
        },
      }),
    [],
  );

  const { messages, sendMessage, regenerate, stop, status, error, clearError } = useChat<RadiumUIMessage>({
    id,
    messages: initialMessages,
    transport,
    throttle: 40,
    onData: (part) => {
      if (isDocumentStreamPart(part)) {
        setStreamDoc((s) => reduceDocumentStream(s, part));
        if (part.type === "data-document-start") setOpenDoc({ id: part.data.id, title: part.data.title, kind: part.data.kind });
        if (part.type === "data-document-finish") {
          void utils.documents.versions.invalidate({ id: part.data.id });
          void utils.documents.byChat.invalidate({ chatId: id });
        }
      } else if (part.type === "data-suggestions-ready") {
        const data = part.data as { documentId: string; count: number };
        void utils.suggestions.byDocument.invalidate({ documentId: data.documentId });
      } else if (part.type === "data-chat-title") {
        const data = part.data as { chatId: string; title: string };
        if (data.chatId === id) setLocalTitle(data.title);
        void utils.chats.history.invalidate();
      }
    },
    onFinish: () => {
      bumpInHistory(id);
      void utils.votes.byChat.invalidate({ chatId: id });
    },
  });

  const busy = status === "submitted" || status === "streaming";
  const conversationRef = useRef<HTMLElement>(null);
  useEscapeToStop(busy, stop, conversationRef);
  useEffect(() => {
    if (status === "streaming") setSaved(true);
  }, [status]);

  // A stopped or failed answer leaves no document mid-stream.
  useEffect(() => {
    if (!busy) {
      setStreamDoc((s) => {
        if (s?.status === "streaming") {
          void utils.documents.versions.invalidate({ id: s.id });
          return { ...s, status: "done" };
        }
        return s;
      });
    }
  }, [busy, utils]);

  // The title: the history's copy (follows renames), else the generated one.
  const history = useChatHistory();
  const historyItem = useMemo(() => history.data?.pages.flatMap((p) => p.items).find((c) => c.id === id), [history.data, id]);
  const title = historyItem?.title || localTitle || (created || messages.length > 0 ? "New chat" : null);

  // Documents of this chat: titles for tool cards, and what a viewer can open.
  const docsQuery = api.documents.byChat.useQuery({ chatId: id }, { enabled: saved, retry: false });
  const docIndex = useMemo(() => {
    const map = new Map<string, { title: string; kind: ArtifactKind }>();
    for (const d of docsQuery.data ?? []) map.set(d.id, { title: d.title, kind: d.kind });
    return map;
  }, [docsQuery.data]);
  const titleFor = useCallback((docId: string) => docIndex.get(docId), [docIndex]);

  // Votes.
  const votesQuery = api.votes.byChat.useQuery({ chatId: id }, { enabled: saved && isOwner, retry: false });
  const votes = useMemo(() => {
    const map = new Map<string, Vote>();
    for (const v of votesQuery.data ?? []) map.set(v.messageId, v.isUpvoted ? "up" : "down");
    return map;
  }, [votesQuery.data]);
  const voteMutation = api.votes.vote.useMutation({
    onMutate: ({ messageId, type }) => {
      utils.votes.byChat.setData({ chatId: id }, (old) => [
        ...(old ?? []).filter((v) => v.messageId !== messageId),
        { messageId, isUpvoted: type === "up" },
      ]);
    },
    onError: (e) => {
      toast.error(e.message);
      void utils.votes.byChat.invalidate({ chatId: id });
    },
  });
  // `mutate` is stable; the mutation object is not, and depending on it would re-render every message.
  const vote = voteMutation.mutate;
  const onVote = useCallback((messageId: string, type: "up" | "down") => vote({ chatId: id, messageId, type }), [vote, id]);

  const setModel = api.chats.setModel.useMutation({ onError: (e) => toast.error(e.message) });
  const setVisibility = api.chats.setVisibility.useMutation({
    onSuccess: (_d, vars) => {
      void utils.chats.history.invalidate();
      toast.success(vars.visibility === "public" ? "Anyone signed in with the link can now read this chat" : "This chat is private again");
    },
    onError: (e) => toast.error(e.message),
  });

  const onModelChange = (next: string) => {
    setModelState(next);
    window.localStorage.setItem(LAST_MODEL_KEY, next);
    if (created && isOwner) setModel.mutate({ id, model: next });
  };
  const onVisibilityChange = (next: ChatVisibility) => {
    setVisibilityState(next);
    if (created && isOwner) setVisibility.mutate({ id, visibility: next });
  };

  const markCreated = useCallback(() => {
    if (created) return;
    setCreated(true);
    // The conversation stays mounted; only the address changes.
    window.history.replaceState(null, "", `/chat/${id}`);
  }, [created, id]);

  const send = useCallback(
    async (text: string) => {
      await flushArtifact.current?.();
      markCreated();
      void sendMessage({ text });
    },
    [markCreated, sendMessage],
  );

  // Every turn first saves a pending document edit, so the model works from what the user sees.
  const onEdit = useCallback(
    async (messageId: string, text: string) => {
      await flushArtifact.current?.();
      void sendMessage({ text, messageId });
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

  const retry = useCallback(async () => {
    clearError();
    const lastUser = [...messages].reverse().find((m) => m.role === "user");
    if (!lastUser) return;
    await flushArtifact.current?.();
    // Re-sending the last user message under its id replaces it and anything after it.
    void sendMessage({ text: messageText(lastUser), messageId: lastUser.id });
  }, [clearError, messages, sendMessage]);

  const onOpenDocument = useCallback((doc: { id: string; title: string; kind: ArtifactKind }) => setOpenDoc(doc), [setOpenDoc]);

  const wasOpen = useRef(false);
  useEffect(() => {
    if (openDoc) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const opener = openerRef.current;
    openerRef.current = null;
    const fallback = rootRef.current?.querySelector<HTMLElement>("[data-focus-after-document]");
    (opener?.isConnected ? opener : fallback)?.focus();
  }, [openDoc]);

  // Opening a public chat's documents: the latest document is one click away in the header.
  const lastDocId = useMemo(() => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i]!;
      for (let j = m.parts.length - 1; j >= 0; j--) {
        const view = readToolPart(m.parts[j] as { type: string });
        if (view?.documentId && (view.tool === "createDocument" || view.tool === "updateDocument")) return view.documentId;
      }
    }
    return docsQuery.data?.[0]?.id ?? null; // byChat is newest first
  }, [messages, docsQuery.data]);

  useEffect(() => {
    setArtifactOpen(openDoc !== null);
    return () => setArtifactOpen(false);
  }, [openDoc, setArtifactOpen]);

  const { ref: scrollRef, atBottom, scrollToBottom } = useStickToBottom<HTMLDivElement>(messages.length > 0);

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
      streaming={streamDoc}
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
        className={cn("@container flex min-w-0 flex-1 flex-col outline-none", openDoc && isDesktop && "w-[400px] flex-none border-r xl:w-[440px]")}
      >
        <header className="flex h-12 shrink-0 items-center gap-1 border-b px-2">
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Toggle chat history" onClick={toggleHistory}>
                <PanelLeft />
              </Button>
            </TooltipTrigger>
            <TooltipContent>Chat history</TooltipContent>
          </Tooltip>
          <Tooltip>
            <TooltipTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label="New chat" onClick={newChat} className="lg:hidden">
                <SquarePen />
              </Button>
            </TooltipTrigger>
            <TooltipContent>New chat</TooltipContent>
          </Tooltip>
          <h1 className="min-w-0 flex-1 truncate px-1 text-sm font-medium" data-testid="chat-title">
            {title ?? <span className="text-muted-foreground">New chat</span>}
          </h1>
          {readonly ? (
            lastDoc ? (
              <Button variant="outline" size="sm" data-focus-after-document onClick={() => setOpenDoc(lastDoc)}>
                <Eye /> Open document
              </Button>
            ) : null
          ) : (
            <>
              <ModelSelector models={registryModels} deployments={deployments} value={model} onChange={onModelChange} disabled={busy} />
              <VisibilitySelector value={visibility} onChange={onVisibilityChange} />
            </>
          )}
        </header>

        {readonly ? (
          <div className="flex items-start gap-2 border-b bg-muted/60 px-4 py-2 text-sm text-muted-foreground" role="note" data-testid="readonly-banner">
            <Globe className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>You are viewing a public chat shared by its owner. It is read-only: you can read the messages and open its documents.</span>
          </div>
        ) : null}

        <div className="relative min-h-0 flex-1">
          <div ref={scrollRef} className="h-full overflow-y-auto" data-testid="messages">
            {messages.length === 0 && !readonly ? (
              <div className="flex min-h-full flex-col px-4">
                <ChatGreeting onPick={(p) => void send(p)} disabled={busy} />
              </div>
            ) : (
              <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-6" aria-live="polite" aria-busy={busy}>
                {messages.map((m) => (
                  <Message
                    key={m.id}
                    message={m}
                    isStreaming={m.id === streamingId}
                    isLastAssistant={m.id === lastAssistantId}
                    readonly={readonly}
                    busy={busy}
                    vote={votes.get(m.id) ?? null}
                    modelName={m.metadata?.model ? (modelNames.get(m.metadata.model) ?? m.metadata.model) : undefined}
                    onVote={onVote}
                    onRegenerate={onRegenerate}
                    onEdit={onEdit}
                    onOpenDocument={onOpenDocument}
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
          {!atBottom && messages.length > 0 ? (
            <Button
              variant="outline"
              size="icon-sm"
              aria-label="Scroll to the latest message"
              // At the right edge, beside the message column rather than over its text.
              className="absolute right-4 bottom-3 rounded-full shadow-md"
              onClick={() => scrollToBottom()}
            >
              <ArrowDown />
            </Button>
          ) : null}
        </div>

        {!readonly ? (
          <div className="mx-auto w-full max-w-3xl shrink-0 px-4 pt-2 pb-4">
            <Composer busy={busy} onSend={(t) => void send(t)} onStop={() => void stop()} autoFocus={isNew} />
            <p className="mt-2 text-center text-[11px] text-muted-foreground">
              {models.find((m) => m.id === model)?.offline
                ? "Offline model: answers are generated locally without an AI provider."
                : "AI answers can be wrong. Check important information."}
            </p>
          </div>
        ) : null}
      </section>

      {openDoc && isDesktop ? <div className="flex min-w-0 flex-1">{panel}</div> : null}
      {openDoc && !isDesktop ? (
        <Sheet open onOpenChange={(open) => !open && setOpenDoc(null)}>
          <SheetContent side="right" showCloseButton={false} className="w-full gap-0 p-0 sm:max-w-full" onOpenAutoFocus={(e) => e.preventDefault()}>
            <SheetTitle className="sr-only">{openDoc.title}</SheetTitle>
            <SheetDescription className="sr-only">The document beside the chat</SheetDescription>
            {panel}
          </SheetContent>
        </Sheet>
      ) : null}
    </div>
  );
}
