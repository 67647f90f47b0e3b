"use client";

import { useMemo } from "react";
import { Markdown } from "@/components/common/markdown";
import type { DiffBlock } from "@/lib/chat/block-diff";
import { cn } from "@/lib/utils";

/** A text version's changes as the reader sees them: each block rendered, removed ones struck through. */
export function RenderedDiff({ blocks }: { blocks: DiffBlock[] }) {
  const keyed = useMemo(() => blocks.map((b, i) => ({ ...b, key: `${i}-${b.type}` })), [blocks]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-1 px-6 py-5" data-testid="rendered-diff">
      {keyed.map((b) =>
        b.type === "same" ? (
          <Markdown key={b.key} className="text-base">
            {b.text}
          </Markdown>
        ) : (
          <div
            key={b.key}
            data-diff={b.type}
            className={cn(
              "relative rounded-md border-l-4 py-1 pr-2 pl-3",
              b.type === "added" ? "border-emerald-500 bg-emerald-500/10" : "border-red-500 bg-red-500/10 line-through decoration-red-500/60 opacity-80",
            )}
          >
            <span className="sr-only">{b.type === "added" ? "Added: " : "Removed: "}</span>
            <Markdown className="text-base">{b.text}</Markdown>
          </div>
        ),
      )}
    </div>
  );
}
