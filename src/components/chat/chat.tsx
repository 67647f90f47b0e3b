"use client";

import { useChat } from "@ai-sdk/react";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { type ChatVisibility, DEFAULT_CHAT_TITLE, type RadiumUIMessage } from "@/lib/chat/contract";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { ChatFooter } from "./chat-footer";
import { ChatGreeting } from "./chat-greeting";
import { ChatHeader } from "./chat-header";
import { useBumpChatInHistory, useChatHistory } from "./history-cache";
import { useChatLayout } from "./chat-layout";
import { Composer } from "./composer";
import { DropOverlay } from "./drop-overlay";
import { MessageList } from "./message-list";
import { ModelSelector, type ModelOption } from "./model-selector";
import { DocumentBeside } from "./document-beside";
import { CopyLinkButton, ReadonlyBanner } from "./share-actions";
import { useAttachments } from "./use-attachments";
import { useChatActions } from "./use-chat-actions";
import { useChatBranches } from "./use-chat-branches";
import { useChatData } from "./use-chat-data";
import { useChatDocuments } from "./use-chat-documents";
import { useChatTransport } from "./use-chat-transport";
import { useChatSettings } from "./use-chat-settings";
import { useChatVotes } from "./use-chat-votes";
import { useEscapeToStop } from "./use-escape-to-stop";
import { useFileDrop } from "./use-file-drop";
import { DESKTOP_QUERY, useMediaQuery } from "./use-media-query";
import { useOpenDocument } from "./use-open-document";
import { useReopenLastDocument } from "./use-reopen-last-document";
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
  useReopenLastDocument(initialMessages, !isNew && isDesktop, setOpenDoc);

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

  const documents = useChatDocuments(id, messages, saved);
  const { votes, onVote } = useChatVotes(id, saved && isOwner);
  const { branches, onSwitchBranch, switching } = useChatBranches(id, saved && isOwner, setMessages);

  const onFirstSend = useCallback(() => {
    if (created) return;
    setCreated(true);
    // The conversation stays mounted; only the address changes.
    window.history.replaceState(null, "", `/chat/${id}`);
  }, [created, id]);
  const actions = useChatActions({ messages, sendMessage, regenerate, clearError, onFirstSend, markStopped: stopped.update });

  useEffect(() => {
    setArtifactOpen(openDoc !== null);
    return () => setArtifactOpen(false);
  }, [openDoc, setArtifactOpen]);

  const modelNames = useMemo(() => new Map(models.map((m) => [m.id, m.name])), [models]);
  const latestDoc = documents.latest;

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
          onOpenLatestDocument={readonly && latestDoc ? () => setOpenDoc(latestDoc) : null}
          readerActions={readonly ? <CopyLinkButton chatId={id} /> : null}
        />

        {readonly ? <ReadonlyBanner chatId={id} /> : null}

        <MessageList
          messages={messages}
          status={status}
          error={error}
          readonly={readonly}
          switching={switching}
          votes={votes}
          branches={branches}
          isStopped={stopped.isStopped}
          modelNames={modelNames}
          onRetry={() => void actions.retry()}
          onDismissError={clearError}
          empty={readonly ? null : <ChatGreeting onPick={(p) => void actions.send(p)} disabled={busy} />}
          onSwitchBranch={onSwitchBranch}
          onVote={onVote}
          onRegenerate={actions.onRegenerate}
          onContinue={actions.onContinue}
          onEdit={actions.onEdit}
          onOpenDocument={setOpenDoc}
          titleFor={documents.titleFor}
        />

        {!readonly ? (
          <ChatFooter offline={models.find((m) => m.id === model)?.offline === true}>
            <Composer busy={busy} onSend={(t, files) => void actions.send(t, files)} onStop={() => void stop()} autoFocus={isNew} attachments={attachments} />
          </ChatFooter>
        ) : null}
        {dropping ? <DropOverlay /> : null}
      </section>

      {openDoc ? (
        <DocumentBeside title={openDoc.title} sheet={!isDesktop} onClose={() => setOpenDoc(null)}>
          <ArtifactPanel
            key={openDoc.id}
            doc={openDoc}
            streaming={data.streamDoc}
            chatReadonly={readonly}
            chatBusy={busy}
            onClose={() => setOpenDoc(null)}
            onPrompt={(text) => void actions.send(text)}
            registerFlush={actions.registerFlush}
          />
        </DocumentBeside>
      ) : null}
    </div>
  );
}
