"use client";

import { useCallback, useEffect, useState } from "react";
import { ARTIFACTS } from "@/artifacts";
import { ARTIFACT_KIND_META } from "@/artifacts/kinds";
import type { ArtifactPrompt, OpenSuggestion } from "@/artifacts/types";
import type { ArtifactKind } from "@/lib/chat/contract";
import type { StreamingDocument } from "@/lib/chat/document-stream";
import type { DocumentRef } from "@/lib/chat/tool-parts";
import { ArtifactContent } from "./artifact-content";
import { ArtifactHeader } from "./artifact-header";
import { ArtifactPrompts } from "./artifact-prompts";
import { DiffToggle } from "./diff-toggle";
import { OlderVersionActions, OlderVersionNotice } from "./older-version";
import { SaveStatus } from "./save-status";
import { useAutosave } from "./use-autosave";
import { useDocumentSave } from "./use-document-save";
import { useDocumentSuggestions } from "./use-document-suggestions";
import { useDocumentVersions } from "./use-document-versions";
import { useRestoreVersion } from "./use-restore-version";
import { useVersionSelection } from "./use-version-selection";
import { VersionBar } from "./version-bar";

/** The document the panel shows (the chat's reference to it). */
export type OpenDocument = DocumentRef;

// One empty list for every render, so the memoized editor is not re-rendered for a new one.
const NO_SUGGESTIONS: OpenSuggestion[] = [];

/** Escape closes the panel, unless it is meant for an editor, a menu or a popover. */
function closesPanel(e: React.KeyboardEvent) {
  if (e.key !== "Escape" || e.defaultPrevented) return false;
  return e.target instanceof Element && !e.target.closest("textarea, input, .cm-editor, [role=dialog], [role=menu]");
}

/**
 * The document beside the chat: live while the model writes it, editable with autosave for its
 * owner (one editing session, ended by a long pause, leaving the editor, a chat turn or closing,
 * is one version), with a version stepper, a diff against the previous version,
 * restore, copy/download, kind-specific prompts and inline suggestions.
 */
export function ArtifactPanel({
  doc,
  streaming,
  chatReadonly,
  chatBusy,
  onClose,
  onPrompt,
  registerFlush,
}: {
  doc: OpenDocument;
  streaming: StreamingDocument | null;
  chatReadonly: boolean;
  chatBusy: boolean;
  onClose: () => void;
  onPrompt: (text: string) => void;
  registerFlush: (flush: (() => Promise<void>) | null) => void;
}) {
  const { versions, isOwner, stream, shownStream, isStreaming, loading, missing } = useDocumentVersions(doc, streaming, chatReadonly);
  const { viewIndex, viewing, previous, isLatest, showPrevious, showNext, showLatest } = useVersionSelection(versions);
  const [showDiff, setShowDiff] = useState(false);
  const saveDraft = useDocumentSave(doc);
  const { draft, saveState, edit, flushAndEnd, discardDraft, startNewSession } = useAutosave(saveDraft, registerFlush);
  const showStream = shownStream !== null;

  // What a new AI edit or a restore leaves on screen: the newest version as saved, edited in a new session.
  const startOver = useCallback(() => {
    startNewSession();
    discardDraft();
    showLatest();
    setShowDiff(false);
  }, [startNewSession, discardDraft, showLatest]);
  useEffect(() => {
    if (isStreaming) startOver();
  }, [isStreaming, startOver]);

  const { restore, restoring } = useRestoreVersion(doc.id, startOver);
  const suggestions = useDocumentSuggestions({
    documentId: doc.id,
    enabled: versions.length > 0,
    flushAndEnd,
    onApplied: () => {
      discardDraft();
      showLatest();
    },
  });

  const kind: ArtifactKind = viewing?.kind ?? stream?.kind ?? doc.kind;
  const definition = ARTIFACTS[kind];
  const title = shownStream?.title ?? versions.at(-1)?.title ?? doc.title;
  // A draft edits the newest version, so an older one shows as saved.
  const content = shownStream?.content ?? (isLatest ? draft : null) ?? viewing?.content ?? "";
  const editable = isOwner && isLatest && !showStream && !showDiff;
  const diffAvailable = definition.diffable && !showStream && previous !== undefined && viewing !== undefined;
  const diff = showDiff && diffAvailable ? { previous: previous.content, current: viewing.content } : null;

  const ask = async (prompt: ArtifactPrompt) => {
    await flushAndEnd();
    onPrompt(prompt.message(title));
  };

  return (
    <section
      className="flex h-full min-h-0 w-full flex-col bg-background"
      aria-label={`${ARTIFACT_KIND_META[kind].label}: ${title}`}
      data-testid="artifact-panel"
      data-kind={kind}
      onKeyDown={(e) => {
        if (closesPanel(e)) onClose();
      }}
    >
      <ArtifactHeader
        kind={kind}
        title={title}
        content={content}
        status={<SaveStatus isStreaming={isStreaming} saveState={saveState} updatedAt={versions.at(-1)?.createdAt} />}
        readOnly={!isOwner && !loading && !showStream}
        onClose={onClose}
      />

      {versions.length > 0 && !showStream ? (
        <VersionBar index={viewIndex} count={versions.length} viewedAt={viewing?.createdAt} onPrevious={showPrevious} onNext={showNext}>
          {definition.diffable ? (
            <DiffToggle pressed={showDiff} disabled={!diffAvailable} onToggle={() => setShowDiff((v) => !v)} />
          ) : null}
          {isLatest ? null : (
            <OlderVersionActions
              canRestore={isOwner}
              restoring={restoring}
              onRestore={viewing ? () => restore(viewing.createdAt) : null}
              onBackToLatest={showLatest}
            />
          )}
        </VersionBar>
      ) : null}

      {!isLatest && !showDiff ? <OlderVersionNotice canRestore={isOwner} /> : null}

      {/* biome-ignore lint/a11y/noStaticElementInteractions: not interactive itself; it hears focus leave the editor inside it */}
      <div
        className="relative min-h-0 flex-1"
        onBlur={(e) => {
          // Leaving the editor ends the editing session (focus moving within it does not).
          const next = e.relatedTarget;
          if (!(next instanceof Node && e.currentTarget.contains(next))) void flushAndEnd();
        }}
      >
        <ArtifactContent
          kind={kind}
          loading={loading}
          missing={missing}
          diff={diff}
          content={content}
          title={title}
          onChange={editable ? edit : null}
          isStreaming={isStreaming}
          suggestions={isLatest && !showStream && kind === "text" ? suggestions.open : NO_SUGGESTIONS}
          onResolveSuggestion={isOwner ? suggestions.onResolve : null}
        />
      </div>

      {isOwner && definition.prompts.length > 0 ? (
        <ArtifactPrompts
          prompts={definition.prompts}
          disabled={chatBusy || showStream}
          openSuggestions={kind === "text" ? 0 : suggestions.open.length}
          onPrompt={ask}
        />
      ) : null}
    </section>
  );
}
