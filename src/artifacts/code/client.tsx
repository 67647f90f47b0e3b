"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import { detectCodeLanguage } from "@/lib/chat/artifact-files";
import type { ArtifactDefinition, ArtifactEditorProps } from "../types";

// CodeMirror only loads when a code document opens.
const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => (
    <div className="flex flex-col gap-2 p-4" role="status" aria-label="Loading the code editor">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-4" style={{ width: `${40 + ((i * 17) % 50)}%` }} />
      ))}
    </div>
  ),
});

function CodeArtifactEditor({ content, title, onChange }: ArtifactEditorProps) {
  const language = detectCodeLanguage(title, content);
  return <CodeEditor value={content} onChange={onChange} language={language} />;
}

export const codeArtifact: ArtifactDefinition = {
  kind: "code",
  label: "Code",
  diffable: true,
  prompts: [
    { label: "Add comments", message: (title) => `Add comments to the code in "${title}"` },
    { label: "Add logging", message: (title) => `Update the code in "${title}" to add logging` },
  ],
  Editor: CodeArtifactEditor,
};
