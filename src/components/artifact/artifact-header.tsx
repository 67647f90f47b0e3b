"use client";

import { X } from "lucide-react";
import { ARTIFACT_KIND_META } from "@/artifacts/kinds";
import { CopyButton } from "@/components/common/copy-button";
import { Badge } from "@/components/ui/badge";
import type { ArtifactKind } from "@/lib/chat/contract";
import { DownloadButton } from "./download-button";
import { IconButton } from "./icon-button";

/** The panel's title row: close, the kind's icon, title and status, a read-only badge, copy and download. */
export function ArtifactHeader({
  kind,
  title,
  content,
  status,
  readOnly,
  onClose,
}: {
  kind: ArtifactKind;
  title: string;
  /** What is on screen, for copy and download. */
  content: string;
  status: React.ReactNode;
  readOnly: boolean;
  onClose: () => void;
}) {
  const KindIcon = ARTIFACT_KIND_META[kind].icon;
  return (
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
          {status}
        </p>
      </div>
      {readOnly ? (
        <Badge variant="secondary" className="shrink-0" data-testid="artifact-readonly">
          Read-only
        </Badge>
      ) : null}
      <CopyButton value={content} label="Copy content" />
      <DownloadButton title={title} kind={kind} content={content} />
    </header>
  );
}
