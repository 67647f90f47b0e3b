"use client";

import { AlertCircle, BookOpen, Lightbulb, Pencil } from "lucide-react";
import { ARTIFACT_KIND_META } from "@/artifacts/kinds";
import { Spinner } from "@/components/ui/spinner";
import type { ArtifactKind } from "@/lib/chat/contract";
import type { ToolPartView } from "@/lib/chat/tool-parts";
import { cn } from "@/lib/utils";
import { api } from "@/trpc/react";


function verb(view: ToolPartView): string {
  const running = view.state === "running";
  switch (view.tool) {
    case "createDocument":
      return running ? "Creating" : "Created";
    case "updateDocument":
      return running ? "Updating" : "Updated";
    case "requestSuggestions":
      return running ? "Reviewing" : "Suggestions for";
    case "readDocument":
      return running ? "Reading" : "Read";
  }
}

function suggestionLabel(count: number, open: number | null): string {
  const total = `${count} suggestion${count === 1 ? "" : "s"}`;
  if (open === null || open === count) return total;
  return open === 0 ? `${total}, all resolved` : `${open} of ${total} open`;
}

/** A compact card in the conversation for each document tool call; clicking opens the document. */
export function DocumentToolCard({
  view,
  titleFor,
  onOpen,
}: {
  view: ToolPartView;
  /** Looks up a known title/kind for a document id (from the chat's documents). */
  titleFor: (id: string) => { title: string; kind: ArtifactKind } | undefined;
  onOpen: (doc: { id: string; title: string; kind: ArtifactKind }) => void;
}) {
  const known = view.document ?? (view.documentId ? titleFor(view.documentId) : undefined);
  // The first frame of a new document has no title yet: say so rather than "Creating document / document".
  const title = known?.title ?? view.inputLabel ?? (view.state === "running" ? "Choosing a title…" : "Untitled document");
  const kind: ArtifactKind = known?.kind ?? "text";
  const Icon = view.tool === "requestSuggestions" ? Lightbulb : view.tool === "readDocument" ? BookOpen : view.tool === "updateDocument" ? Pencil : ARTIFACT_KIND_META[kind].icon;
  const docId = view.document?.id ?? view.documentId;
  const canOpen = Boolean(docId) && view.state !== "error";
  // How many of this review's suggestions are still open: the panel resolves them one by one, and the
  // card reads the same cached list, so its count follows.
  const countsSuggestions = view.tool === "requestSuggestions" && view.suggestionCount != null && view.suggestionCount > 0 && Boolean(docId);
  const open = api.suggestions.byDocument.useQuery({ documentId: docId ?? "" }, { enabled: countsSuggestions, retry: false });
  const openCount = open.data ? Math.min(open.data.filter((s) => s.status === "open").length, view.suggestionCount ?? 0) : null;

  if (view.state === "error") {
    return (
      <div className="flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm" role="status">
        <AlertCircle className="mt-0.5 size-4 shrink-0 text-destructive" />
        <span>
          Could not {view.tool === "createDocument" ? "create" : view.tool === "updateDocument" ? "update" : view.tool === "readDocument" ? "read" : "review"} the
          document{view.errorText ? `: ${view.errorText}` : "."}
        </span>
      </div>
    );
  }

  return (
    <button
      type="button"
      disabled={!canOpen}
      onClick={() => docId && onOpen({ id: docId, title, kind })}
      data-testid="document-tool-card"
      data-tool={view.tool}
      className={cn(
        "group flex w-full max-w-md items-center gap-3 rounded-xl border bg-card px-3 py-2.5 text-left text-sm shadow-xs transition-colors",
        canOpen && "hover:border-primary/40 hover:bg-accent/40",
        "disabled:cursor-default",
      )}
    >
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary/10 text-primary">
        {view.state === "running" ? <Spinner className="size-4" label={`${verb(view)} ${title}`} /> : <Icon className="size-4" />}
      </span>
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="text-xs text-muted-foreground">
          {verb(view)} {view.tool === "requestSuggestions" || view.tool === "readDocument" ? "" : ARTIFACT_KIND_META[kind].label.toLowerCase()}
          {view.suggestionCount != null ? ` · ${suggestionLabel(view.suggestionCount, openCount)}` : ""}
        </span>
        <span className="truncate font-medium">{title}</span>
      </span>
      {canOpen ? <span className="text-xs text-muted-foreground opacity-0 transition-opacity group-hover:opacity-100">Open</span> : null}
    </button>
  );
}
