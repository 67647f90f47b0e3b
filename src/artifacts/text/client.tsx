"use client";

import { Check, Eye, Lightbulb, Pencil, X } from "lucide-react";
import { useLayoutEffect, useMemo, useRef, useState, type ComponentProps } from "react";
import type { Components } from "react-markdown";
import { Markdown } from "@/components/common/markdown";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { rehypeSuggestions } from "@/lib/chat/rehype-suggestions";
import { cn } from "@/lib/utils";
import type { ArtifactDefinition, ArtifactEditorProps, OpenSuggestion } from "../types";

function SuggestionCard({
  suggestion,
  onResolve,
  className,
}: {
  suggestion: OpenSuggestion;
  onResolve: ((id: string, action: "apply" | "dismiss") => void) | null;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-2 text-sm", className)} data-testid="suggestion-card">
      <p className="flex items-center gap-1.5 font-medium">
        <Lightbulb className="size-4 text-primary" /> Suggestion
      </p>
      <p className="text-muted-foreground">{suggestion.description}</p>
      <div className="rounded-md border bg-muted/40 p-2 text-[13px]">
        <p className="text-destructive line-through decoration-destructive/60">{suggestion.originalText}</p>
        <p className="mt-1 text-emerald-700 dark:text-emerald-400">{suggestion.suggestedText}</p>
      </div>
      {onResolve ? (
        <div className="flex justify-end gap-2">
          <Button size="sm" variant="ghost" onClick={() => onResolve(suggestion.id, "dismiss")}>
            <X /> Dismiss
          </Button>
          <Button size="sm" onClick={() => onResolve(suggestion.id, "apply")}>
            <Check /> Apply
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function TextArtifactEditor({ content, onChange, isStreaming, suggestions, onResolveSuggestion }: ArtifactEditorProps) {
  const [mode, setMode] = useState<"preview" | "edit">("preview");
  const editing = mode === "edit" && onChange !== null && !isStreaming;

  // Which suggestions found their text is decided while rendering; the rest are listed below.
  const { plugins, components } = useMemo(() => {
    const byId = new Map(suggestions.map((s) => [s.id, s]));
    const mark = ({ children, node: _node, ...props }: ComponentProps<"mark"> & { node?: unknown }) => {
      const id = (props as Record<string, unknown>)["data-suggestion-id"];
      const s = typeof id === "string" ? byId.get(id) : undefined;
      if (!s) return <mark {...props}>{children}</mark>;
      return (
        <Popover>
          {/* The highlight stays a <mark>; the inline button inside it opens the suggestion. */}
          <mark data-suggestion-id={s.id} className="rounded-sm bg-amber-200/70 px-0.5 text-inherit dark:bg-amber-400/25">
            <PopoverTrigger asChild>
              <button
                type="button"
                data-testid="suggestion-mark"
                className="inline cursor-pointer text-left underline decoration-amber-500 decoration-2 underline-offset-4"
              >
                {children}
              </button>
            </PopoverTrigger>
          </mark>
          <PopoverContent className="w-80" aria-label="Suggestion">
            <SuggestionCard suggestion={s} onResolve={onResolveSuggestion} />
          </PopoverContent>
        </Popover>
      );
    };
    return {
      plugins: [rehypeSuggestions(suggestions)],
      components: { mark } as Components,
    };
  }, [suggestions, onResolveSuggestion]);

  // Which suggestions found their text is known once the preview is in the DOM.
  const preview = useRef<HTMLElement>(null);
  const [placed, setPlaced] = useState<string>("");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the values are not read but re-render the preview, so the marks are counted again after each change
  useLayoutEffect(() => {
    const ids = Array.from(preview.current?.querySelectorAll<HTMLElement>("mark[data-suggestion-id]") ?? [], (el) => el.dataset.suggestionId ?? "")
      .sort()
      .join(",");
    setPlaced((prev) => (prev === ids ? prev : ids));
  }, [content, suggestions, mode, editing]);
  const placedIds = new Set(placed.split(",").filter(Boolean));
  const unplaced = editing ? suggestions : suggestions.filter((s) => !placedIds.has(s.id));

  return (
    <div className="flex h-full min-h-0 flex-col">
      {onChange !== null ? (
        <div className="flex items-center gap-1 border-b px-4 py-1.5" role="tablist" aria-label="Editor mode">
          <Button size="sm" variant={mode === "preview" ? "secondary" : "ghost"} role="tab" aria-selected={mode === "preview"} onClick={() => setMode("preview")}>
            <Eye /> Preview
          </Button>
          <Button size="sm" variant={mode === "edit" ? "secondary" : "ghost"} role="tab" aria-selected={mode === "edit"} disabled={isStreaming} onClick={() => setMode("edit")}>
            <Pencil /> Edit markdown
          </Button>
        </div>
      ) : null}
      <div className="min-h-0 flex-1 overflow-y-auto">
        {editing ? (
          <textarea
            aria-label="Document text (markdown)"
            value={content}
            onChange={(e) => onChange(e.target.value)}
            className="h-full min-h-full w-full resize-none bg-transparent px-6 py-5 font-mono text-sm leading-7 outline-none"
            data-testid="text-editor"
          />
        ) : (
          <article ref={preview} className="mx-auto max-w-3xl px-6 py-5" data-testid="text-preview">
            {content ? (
              <Markdown rehypePlugins={plugins} components={components} className="text-base">
                {content}
              </Markdown>
            ) : (
              <p className="text-muted-foreground">{isStreaming ? "Writing…" : "This document is empty."}</p>
            )}
            {isStreaming ? <span className="ml-0.5 inline-block h-5 w-2 animate-pulse bg-primary/70 align-middle" aria-hidden /> : null}
          </article>
        )}
        {unplaced.length > 0 ? (
          <section className="mx-auto mb-6 flex max-w-3xl flex-col gap-3 px-6" aria-label="Suggestions">
            <h3 className="text-sm font-medium text-muted-foreground">
              {editing ? "Open suggestions" : "Suggestions whose text is formatted or has changed"}
            </h3>
            {unplaced.map((s) => (
              <SuggestionCard key={s.id} suggestion={s} onResolve={onResolveSuggestion} className="rounded-lg border bg-card p-3" />
            ))}
          </section>
        ) : null}
      </div>
    </div>
  );
}

export const textArtifact: ArtifactDefinition = {
  kind: "text",
  label: "Document",
  diffable: true,
  prompts: [
    { label: "Polish the writing", message: (title) => `Polish the writing of "${title}"` },
    { label: "Make it shorter", message: () => "Make it shorter" },
    { label: "Request suggestions", message: (title) => `Request suggestions for "${title}"` },
  ],
  Editor: TextArtifactEditor,
};
