"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";
import type { ArtifactDefinition, ArtifactEditorProps } from "../types";

// The grid only loads when a sheet opens.
const SheetGrid = dynamic(() => import("./sheet-grid"), {
  ssr: false,
  loading: () => (
    <div className="grid grid-cols-4 gap-1 p-4" role="status" aria-label="Loading the sheet">
      {Array.from({ length: 24 }, (_, i) => (
        <Skeleton key={i} className="h-7" />
      ))}
    </div>
  ),
});

function SheetArtifactEditor({ content, onChange, isStreaming }: ArtifactEditorProps) {
  return <SheetGrid value={content} onChange={onChange} isStreaming={isStreaming} />;
}

export const sheetArtifact: ArtifactDefinition = {
  kind: "sheet",
  label: "Sheet",
  diffable: true,
  prompts: [
    { label: "Add a totals row", message: (title) => `Update the sheet "${title}" to add a totals row` },
    { label: "Analyze the data", message: (title) => `Analyze the data in the sheet "${title}" and summarise the main findings` },
  ],
  Editor: SheetArtifactEditor,
};
