"use client";

import { Download } from "lucide-react";
import { downloadFileName, mimeTypeFor } from "@/lib/chat/artifact-files";
import type { ArtifactKind } from "@/lib/chat/contract";
import { IconButton } from "./icon-button";

function saveFile(content: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Not revoked at once: the browser may start the download only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads what is on screen, named for the title and typed by kind (.md, .csv, the code's extension). */
export function DownloadButton({ title, kind, content }: { title: string; kind: ArtifactKind; content: string }) {
  const name = downloadFileName(title, kind, content);
  return (
    <IconButton label={`Download ${name}`} onClick={() => saveFile(content, name, mimeTypeFor(kind))} disabled={!content}>
      <Download />
    </IconButton>
  );
}
