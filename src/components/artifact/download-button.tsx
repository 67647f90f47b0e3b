"use client";

import { Download } from "lucide-react";
import { saveTextFile } from "@/components/common/save-file";
import { downloadFileName, mimeTypeFor } from "@/lib/chat/artifact-files";
import type { ArtifactKind } from "@/lib/chat/contract";
import { IconButton } from "./icon-button";

/** Downloads what is on screen, named for the title and typed by kind (.md, .csv, the code's extension). */
export function DownloadButton({ title, kind, content }: { title: string; kind: ArtifactKind; content: string }) {
  const name = downloadFileName(title, kind, content);
  return (
    <IconButton label={`Download ${name}`} onClick={() => saveTextFile(content, name, mimeTypeFor(kind))} disabled={!content}>
      <Download />
    </IconButton>
  );
}
