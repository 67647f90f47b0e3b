"use client";

import { ChevronLeft, ChevronRight, Download, GitCompare, History, Loader2, RotateCcw, Sparkles, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { ARTIFACTS } from "@/artifacts";
import type { OpenSuggestion } from "@/artifacts/types";
import { CopyButton } from "@/components/common/copy-button";
import { ARTIFACT_KIND_META } from "@/artifacts/kinds";
import type { DocumentRef } from "@/lib/chat/tool-parts";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { downloadFileName, mimeTypeFor } from "@/lib/chat/artifact-files";
import type { ArtifactKind } from "@/lib/chat/contract";
import type { StreamingDocument } from "@/lib/chat/document-stream";
import { formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";
import { VersionDiff } from "./version-diff";

/** The document the panel shows (the chat's reference to it). */
export type OpenDocument = DocumentRef;

type SaveState = "idle" | "dirty" | "saving" | "saved" | "error";
/** A pause in typing this long saves the draft (into the session's version). */
const AUTOSAVE_MS = 1500;
/** A pause this long ends the editing session: the next edit starts a new version. */
const SESSION_IDLE_MS = 30_000;

function IconButton({ label, onClick, children, disabled, pressed }: { label: string; onClick: () => void; children: React.ReactNode; disabled?: boolean; pressed?: boolean }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button variant={pressed ? "secondary" : "ghost"} size="icon-sm" aria-label={label} aria-pressed={pressed} disabled={disabled} onClick={onClick}>
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{label}</TooltipContent>
    </Tooltip>
  );
}

/**
 * The document beside the chat: live while the model writes it, editable with autosave for its
 * owner (one editing session, ended by a long pause, leaving the editor, a chat turn or closing,
 * is one version), with a version stepper, a diff against the previous version,
 * restore, copy/download, kind-specific prompts and inline suggestions.
 */
const NO_SUGGESTIONS: OpenSuggestion[] = [];

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
  const utils = api.useUtils();
  const streamHere = streaming && streaming.id === doc.id ? streaming : null;
  const creating = streamHere?.status === "streaming" && streamHere.action === "create";
  const versionsQuery = api.documents.versions.useQuery({ id: doc.id }, { enabled: !creating, retry: false });
  const versions = useMemo(() => versionsQuery.data?.versions ?? [], [versionsQuery.data]);
  const isOwner = (versionsQuery.data?.isOwner ?? false) && !chatReadonly;

  const [selected, setSelected] = useState<number | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>("idle");

  const latestIndex = versions.length - 1;
  const viewIndex = selected === null || selected > latestIndex ? latestIndex : selected;
  const viewing = versions[viewIndex];
  const isLatest = viewIndex === latestIndex;
  const previous = viewIndex > 0 ? versions[viewIndex - 1] : undefined;

  const streamSaved = streamHere?.createdAt ? versions.some((v) => v.createdAt.getTime() === new Date(streamHere.createdAt!).getTime()) : false;
  const showStream = streamHere !== null && (streamHere.status === "streaming" || (streamHere.createdAt !== null && !streamSaved));
  const isStreaming = streamHere?.status === "streaming";

  const kind: ArtifactKind = viewing?.kind ?? streamHere?.kind ?? doc.kind;
  const title = (showStream ? streamHere?.title : undefined) ?? versions.at(-1)?.title ?? doc.title;
  const definition = ARTIFACTS[kind];
  const KindIcon = ARTIFACT_KIND_META[kind].icon;

  // A new AI edit of this document replaces whatever is on screen.
  useEffect(() => {
    if (isStreaming) {
      sessionVersion.current = null;
      setDraft(null);
      setSelected(null);
      setShowDiff(false);
    }
  }, [isStreaming]);

  // ---- autosave: debounced user edits land in one version per editing session ----
  const save = api.documents.save.useMutation();
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The version this editing session created; later saves of the session overwrite it while it is the newest.
  const sessionVersion = useRef<Date | null>(null);
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;

  // Saves run one after another: a slow save must not let an older draft land after a newer one.
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback(
    (opts: { endSession?: boolean } = {}) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const saveDraft = async () => {
        const content = pending.current;
        if (content === null) return;
        pending.current = null;
        setSaveState("saving");
        try {
          const session = sessionVersion.current;
          const res = await saveRef.current({ id: doc.id, content, replace: session ?? undefined });
          const at = new Date(res.createdAt).getTime();
          utils.documents.versions.setData({ id: doc.id }, (old) => {
            if (!old) return old;
            // The session's own version took the new text.
            if (session?.getTime() === at) {
              return { ...old, versions: old.versions.map((v) => (v.createdAt.getTime() === at ? { ...v, content } : v)) };
            }
            // Unchanged content answers with the current version's key: nothing new to list.
            if (old.versions.some((v) => v.createdAt.getTime() === at)) return old;
            sessionVersion.current = new Date(at);
            const last = old.versions.at(-1);
            return {
              ...old,
              versions: [...old.versions, { id: doc.id, createdAt: res.createdAt, title: last?.title ?? doc.title, kind: last?.kind ?? doc.kind, content }],
            };
          });
          setSaveState(pending.current === null ? "saved" : "dirty");
        } catch (e) {
          pending.current ??= content;
          setSaveState("error");
          toast.error(e instanceof Error ? `Could not save: ${e.message}` : "Could not save the document.");
        }
      };
      const run = async () => {
        await saveDraft();
        if (opts.endSession) {
          sessionVersion.current = null;
          if (idleTimer.current) clearTimeout(idleTimer.current);
          idleTimer.current = null;
        }
      };
      inFlight.current = inFlight.current.then(run);
      return inFlight.current;
    },
    [doc.id, doc.title, doc.kind, utils],
  );
  // Anything but typing (a chat turn, a suggestion, closing) saves and closes the session.
  const flushAndEnd = useCallback(() => flush({ endSession: true }), [flush]);

  useEffect(() => {
    registerFlush(flushAndEnd);
    return () => {
      registerFlush(null);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      void flushAndEnd();
    };
  }, [flushAndEnd, registerFlush]);

  const onEdit = useCallback(
    (content: string) => {
      setDraft(content);
      pending.current = content;
      setSaveState("dirty");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
      if (idleTimer.current) clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(() => void flushAndEnd(), SESSION_IDLE_MS);
    },
    [flush, flushAndEnd],
  );

  // ---- restore and suggestions ----
  const restore = api.documents.restore.useMutation({
    onSuccess: async () => {
      sessionVersion.current = null;
      setDraft(null);
      setSelected(null);
      setShowDiff(false);
      await utils.documents.versions.invalidate({ id: doc.id });
      toast.success("Version restored as the newest version");
    },
    onError: (e) => toast.error(e.message),
  });

  const suggestionsQuery = api.suggestions.byDocument.useQuery({ documentId: doc.id }, { enabled: versions.length > 0, retry: false });
  const resolve = api.suggestions.resolve.useMutation({
    onMutate: ({ id }) => {
      utils.suggestions.byDocument.setData({ documentId: doc.id }, (old) => old?.filter((s) => s.id !== id));
    },
    onSuccess: async (res, vars) => {
      if (vars.action === "apply") {
        setDraft(null);
        setSelected(null);
        await utils.documents.versions.invalidate({ id: doc.id });
        toast.success(res.documentCreatedAt ? "Suggestion applied as a new version" : "Suggestion resolved");
      }
    },
    onError: (e) => {
      toast.error(e.message);
      void utils.suggestions.byDocument.invalidate({ documentId: doc.id });
    },
    onSettled: () => utils.suggestions.byDocument.invalidate({ documentId: doc.id }),
  });

  const openSuggestions: OpenSuggestion[] = useMemo(
    () => (suggestionsQuery.data ?? []).filter((s) => s.status === "open"),
    [suggestionsQuery.data],
  );

  // Stable callbacks and arrays, so the memoized document view is not re-parsed on every chat chunk.
  const resolveSuggestion = resolve.mutate;
  const onResolve = useCallback(
    (id: string, action: "apply" | "dismiss") => {
      // Unsaved typing first, so an applied suggestion builds on it.
      void flushAndEnd().then(() => resolveSuggestion({ id, action }));
    },
    [flushAndEnd, resolveSuggestion],
  );

  // ---- what is shown ----
  const content = showStream ? streamHere!.content : isLatest ? (draft ?? viewing?.content ?? "") : (viewing?.content ?? "");
  const editable = isOwner && isLatest && !showStream && !showDiff;
  const diffAvailable = definition.diffable && !showStream && previous !== undefined && viewing !== undefined;

  const download = () => {
    const blob = new Blob([content], { type: mimeTypeFor(kind) });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = downloadFileName(title, kind, content);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const saveLabel =
    isStreaming ? (
      <span className="inline-flex items-center gap-1">
        <Loader2 className="size-3 animate-spin" /> Writing…
      </span>
    ) : saveState === "saving" ? (
      "Saving…"
    ) : saveState === "dirty" ? (
      "Unsaved changes"
    ) : saveState === "error" ? (
      <span className="text-destructive">Not saved</span>
    ) : saveState === "saved" ? (
      "Saved"
    ) : viewing ? (
      `Updated ${formatRelative(versions.at(-1)!.createdAt)}`
    ) : (
      ""
    );

  const Editor = definition.Editor;
  const loading = !showStream && versionsQuery.isPending && !creating;
  const missing = !showStream && versionsQuery.isError;

  return (
    <section
      className="flex h-full min-h-0 w-full flex-col bg-background"
      aria-label={`${ARTIFACT_KIND_META[kind].label}: ${title}`}
      data-testid="artifact-panel"
      data-kind={kind}
      onKeyDown={(e) => {
        // Escape closes the panel, unless it is meant for an editor, a menu or a popover.
        const target = e.target as HTMLElement;
        if (e.key === "Escape" && !e.defaultPrevented && !target.closest("textarea, input, .cm-editor, [role=dialog], [role=menu]")) onClose();
      }}
    >
      <header className="flex items-center gap-2 border-b px-3 py-2">
        <IconButton label="Close document" onClick={onClose}>
          <X />
        </IconButton>
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary/10 text-primary">
          <KindIcon className="size-4" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-sm font-semibold" data-testid="artifact-title">
            {title}
          </h2>
          <p className="truncate text-xs text-muted-foreground" aria-live="polite" data-testid="artifact-status">
            {saveLabel}
          </p>
        </div>
        {!isOwner && !loading && !showStream ? (
          <Badge variant="secondary" className="shrink-0" data-testid="artifact-readonly">
            Read-only
          </Badge>
        ) : null}
        <CopyButton value={content} label="Copy content" />
        <IconButton label={`Download ${downloadFileName(title, kind, content)}`} onClick={download} disabled={!content}>
          <Download />
        </IconButton>
      </header>

      {versions.length > 0 && !showStream ? (
        <div className="flex flex-wrap items-center gap-1 border-b px-3 py-1.5 text-xs" data-testid="version-bar">
          <History className="size-3.5 text-muted-foreground" aria-hidden />
          <IconButton label="Previous version" disabled={viewIndex <= 0} onClick={() => setSelected(Math.max(0, viewIndex - 1))}>
            <ChevronLeft />
          </IconButton>
          <span className="tabular-nums" data-testid="version-label" aria-live="polite">
            Version {viewIndex + 1} of {versions.length}
          </span>
          <IconButton label="Next version" disabled={isLatest} onClick={() => setSelected(viewIndex + 1 >= latestIndex ? null : viewIndex + 1)}>
            <ChevronRight />
          </IconButton>
          {viewing ? <span className="hidden text-muted-foreground sm:inline">· {formatRelative(viewing.createdAt)}</span> : null}
          {/* Wraps on a phone, so every action stays inside the panel's width. */}
          <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-1">
            {definition.diffable ? (
              <Button size="sm" variant={showDiff ? "secondary" : "ghost"} className="h-7 text-xs" aria-pressed={showDiff} disabled={!diffAvailable} onClick={() => setShowDiff((v) => !v)}>
                <GitCompare /> {showDiff ? "Hide changes" : "Show changes"}
              </Button>
            ) : null}
            {!isLatest ? (
              <>
                <Button size="sm" variant="ghost" className="h-7 text-xs" onClick={() => setSelected(null)}>
                  Back to latest
                </Button>
                {isOwner ? (
                  <Button
                    size="sm"
                    className="h-7 text-xs"
                    disabled={restore.isPending || !viewing}
                    onClick={() => viewing && restore.mutate({ id: doc.id, createdAt: viewing.createdAt })}
                  >
                    <RotateCcw /> Restore this version
                  </Button>
                ) : null}
              </>
            ) : null}
          </div>
        </div>
      ) : null}

      {!isLatest && !showDiff ? (
        <p className="border-b bg-muted/50 px-4 py-1.5 text-xs text-muted-foreground">
          You are viewing an older version{isOwner ? ". Restore it to continue from here." : "."}
        </p>
      ) : null}

      {/* biome-ignore lint/a11y/noStaticElementInteractions: not interactive itself; it hears focus leave the editor inside it */}
      <div
        className="relative min-h-0 flex-1"
        onBlur={(e) => {
          // Leaving the editor ends the editing session (focus moving within it does not).
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void flushAndEnd();
        }}
      >
        {loading ? (
          <div className="flex flex-col gap-3 p-6" role="status" aria-label="Loading the document">
            <Skeleton className="h-7 w-1/2" />
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-4" style={{ width: `${70 + ((i * 11) % 30)}%` }} />
            ))}
          </div>
        ) : missing ? (
          <div className="p-6 text-sm text-muted-foreground">This document is not available. It may have been deleted, or it belongs to a private chat.</div>
        ) : showDiff && diffAvailable ? (
          <VersionDiff previous={previous!.content} current={viewing!.content} mode={kind === "code" ? "lines" : kind === "sheet" ? "cells" : "text"} />
        ) : (
          <Editor
            content={content}
            title={title}
            onChange={editable ? onEdit : null}
            isStreaming={isStreaming}
            suggestions={isLatest && !showStream && kind === "text" ? openSuggestions : NO_SUGGESTIONS}
            onResolveSuggestion={isOwner ? onResolve : null}
          />
        )}
      </div>

      {isOwner && definition.prompts.length > 0 ? (
        <section className="flex flex-wrap items-center gap-1.5 border-t px-3 py-2" aria-label="Ask the assistant">
          <Sparkles className="size-3.5 text-primary" aria-hidden />
          {definition.prompts.map((p) => (
            <Button
              key={p.label}
              size="sm"
              variant="outline"
              className={cn("h-7 rounded-full text-xs")}
              disabled={chatBusy || showStream}
              onClick={async () => {
                await flushAndEnd();
                onPrompt(p.message(title));
              }}
            >
              {p.label}
            </Button>
          ))}
          {kind !== "text" && openSuggestions.length > 0 ? (
            <span className="ml-auto text-xs text-muted-foreground">{openSuggestions.length} open suggestions</span>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
