"use client";

import { ARTIFACTS } from "@/artifacts";
import type { ArtifactEditorProps } from "@/artifacts/types";
import { Skeleton } from "@/components/ui/skeleton";
import type { ArtifactKind } from "@/lib/chat/contract";
import { type DiffMode, VersionDiff } from "./version-diff";

/** How each kind's versions are compared: prose as text, code line by line, a sheet cell by cell. */
const DIFF_MODES: Record<ArtifactKind, DiffMode> = { text: "text", code: "lines", sheet: "cells" };

function LoadingDocument() {
  return (
    <div className="flex flex-col gap-3 p-6" role="status" aria-label="Loading the document">
      <Skeleton className="h-7 w-1/2" />
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-4" style={{ width: `${70 + ((i * 11) % 30)}%` }} />
      ))}
    </div>
  );
}

/**
 * The panel's body: a placeholder while the versions load, a note when the document is gone, the
 * changes against the previous version, or else the kind's editor (read-only without `onChange`).
 */
export function ArtifactContent({
  kind,
  loading,
  missing,
  diff,
  ...editor
}: ArtifactEditorProps & {
  kind: ArtifactKind;
  loading: boolean;
  missing: boolean;
  /** The two versions to compare, when the changes are shown instead of the editor. */
  diff: { previous: string; current: string } | null;
}) {
  if (loading) return <LoadingDocument />;
  if (missing) {
    return <div className="p-6 text-sm text-muted-foreground">This document is not available. It may have been deleted, or it belongs to a private chat.</div>;
  }
  if (diff) return <VersionDiff previous={diff.previous} current={diff.current} mode={DIFF_MODES[kind]} />;
  const Editor = ARTIFACTS[kind].Editor;
  return <Editor {...editor} />;
}
