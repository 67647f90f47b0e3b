"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { blockDiff, wordChangeCounts } from "@/lib/chat/block-diff";
import { collapseUnchanged, lineDiff, summarizeDiff, type WordSegment, wordDiff } from "@/lib/chat/diff";
import { sheetDiff } from "@/lib/chat/sheet-diff";
import { cn } from "@/lib/utils";
import { RenderedDiff } from "./rendered-diff";
import { SheetDiffView } from "./sheet-diff-view";

export type DiffMode = "text" | "lines" | "cells";

function plural(n: number, unit: string) {
  return `${unit}${n === 1 ? "" : "s"}`;
}

/**
 * Changes of a version against the previous one: prose rendered block by block (or its raw markdown
 * word by word), code line by line, a sheet cell by cell. The counter counts what is highlighted.
 */
export function VersionDiff({ previous, current, mode }: { previous: string; current: string; mode: DiffMode }) {
  const [raw, setRaw] = useState(false);
  const view = useMemo(() => {
    if (mode === "cells") {
      const diff = sheetDiff(previous, current);
      return { kind: "cells" as const, diff, added: diff.added + diff.changed, removed: diff.removed + diff.changed, unit: "cell" };
    }
    if (mode === "lines") {
      const { added, removed } = summarizeDiff(previous, current);
      return { kind: "lines" as const, added, removed, unit: "line" };
    }
    if (raw) {
      const segments = wordDiff(previous, current);
      return { kind: "words" as const, segments, ...wordChangeCounts(segments), unit: "word" };
    }
    const blocks = blockDiff(previous, current);
    const added = blocks.filter((b) => b.type === "added").length;
    const removed = blocks.filter((b) => b.type === "removed").length;
    return { kind: "blocks" as const, blocks, added, removed, unit: "paragraph" };
  }, [previous, current, mode, raw]);
  const unchanged = previous === current || (view.added === 0 && view.removed === 0);

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="version-diff">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b px-4 py-2 text-xs text-muted-foreground">
        <span>Changes since the previous version</span>
        {mode === "text" ? (
          <Button size="sm" variant="ghost" className="h-6 px-2 text-xs" aria-pressed={raw} onClick={() => setRaw((v) => !v)}>
            {raw ? "Show rendered" : "Show markdown"}
          </Button>
        ) : null}
        <span className="ml-auto font-mono" data-testid="diff-counter">
          <span className="text-emerald-600 dark:text-emerald-400">+{view.added}</span>{" "}
          <span className="text-red-600 dark:text-red-400">−{view.removed}</span>{" "}
          <span className="font-sans">{plural(Math.max(view.added, view.removed), view.unit)}</span>
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {unchanged ? (
          <p className="p-6 text-sm text-muted-foreground">This version has the same content as the previous one.</p>
        ) : view.kind === "blocks" ? (
          <RenderedDiff blocks={view.blocks} />
        ) : view.kind === "words" ? (
          <WordsDiff segments={view.segments} />
        ) : view.kind === "cells" ? (
          <SheetDiffView diff={view.diff} />
        ) : (
          <LinesDiff previous={previous} current={current} />
        )}
      </div>
    </div>
  );
}

function WordsDiff({ segments }: { segments: WordSegment[] }) {
  return (
    <div className="mx-auto max-w-3xl px-6 py-5 text-[15px] leading-7 whitespace-pre-wrap">
      {segments.map((s, i) =>
        s.type === "same" ? (
          <span key={i}>{s.text}</span>
        ) : s.type === "added" ? (
          <ins key={i} className="rounded-sm bg-emerald-500/15 text-emerald-800 no-underline dark:text-emerald-300" data-diff="added">
            {s.text}
          </ins>
        ) : (
          <del key={i} className="rounded-sm bg-red-500/15 text-red-800 decoration-red-500/60 dark:text-red-300" data-diff="removed">
            {s.text}
          </del>
        ),
      )}
    </div>
  );
}

function LinesDiff({ previous, current }: { previous: string; current: string }) {
  const lines = useMemo(() => collapseUnchanged(lineDiff(previous, current), 3), [previous, current]);
  return (
    <table className="w-full border-collapse font-mono text-[13px] leading-6">
      <tbody>
        {lines.map((line, i) =>
          line.type === "skip" ? (
            <tr key={i} className="bg-muted/50 text-muted-foreground">
              <td colSpan={4} className="px-4 py-0.5 text-xs">
                ⋯ {line.count} unchanged line{line.count === 1 ? "" : "s"}
              </td>
            </tr>
          ) : (
            <tr
              key={i}
              data-diff={line.type}
              className={cn(line.type === "added" && "bg-emerald-500/12", line.type === "removed" && "bg-red-500/12")}
            >
              <td className="w-10 pr-2 text-right text-muted-foreground/70 select-none">{line.oldNo ?? ""}</td>
              <td className="w-10 pr-2 text-right text-muted-foreground/70 select-none">{line.newNo ?? ""}</td>
              <td
                className={cn(
                  "w-5 text-center select-none",
                  line.type === "added" && "text-emerald-600 dark:text-emerald-400",
                  line.type === "removed" && "text-red-600 dark:text-red-400",
                )}
              >
                {line.type === "added" ? "+" : line.type === "removed" ? "−" : ""}
              </td>
              <td className="pr-4 whitespace-pre">{line.text || " "}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
