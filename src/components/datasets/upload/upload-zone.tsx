"use client";

import { useEffect, useRef, useState } from "react";
import { FileUp } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DATASET_FILE_EXTENSIONS } from "@/lib/datasets/upload-target";
import { cn } from "@/lib/utils";

/**
 * Drop a file here or choose one. The button is the keyboard path (Tab, then Enter or Space opens
 * the file dialog); the whole zone is a drop target and a click target for the mouse.
 */
export function UploadZone({ onFile }: { onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) onFile(file);
  };
  // A file chosen before the page hydrated sent its change event before React listened: the input
  // still holds it, so it is taken now instead of being silently lost.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the zone first mounts
  useEffect(() => {
    const el = input.current;
    if (!el?.files?.length) return;
    pick(el.files);
    el.value = "";
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the button inside is the accessible control; the zone only widens the mouse target
    // biome-ignore lint/a11y/useKeyWithClickEvents: the button inside handles the keyboard
    <div
      data-testid="upload-zone"
      data-over={over || undefined}
      onClick={(e) => {
        if (e.target === e.currentTarget) input.current?.click();
      }}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={(e) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        pick(e.dataTransfer.files);
      }}
      className={cn(
        "flex cursor-pointer flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed p-6 text-center transition-colors sm:p-10",
        over ? "border-primary bg-primary/5" : "border-border hover:border-primary/50 hover:bg-muted/40",
      )}
    >
      <span aria-hidden className="pointer-events-none flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary ring-1 ring-primary/20">
        <FileUp className="size-6" />
      </span>
      <div className="pointer-events-none flex flex-col gap-1">
        <p className="font-medium">{over ? "Drop to validate" : "Drop a JSONL or CSV file here"}</p>
        <p className="text-sm text-balance text-muted-foreground">
          Chat or conversation JSONL, or CSV with input and output columns. Checked line by line in your browser before
          anything is uploaded.
        </p>
      </div>
      <Button type="button" variant="outline" onClick={() => input.current?.click()}>
        Choose a file
      </Button>
      <input
        ref={input}
        type="file"
        accept={DATASET_FILE_EXTENSIONS.join(",")}
        aria-label="Dataset file"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          pick(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
