"use client";

import { useMemo } from "react";
import { collapseUnchanged, lineDiff, summarizeDiff, wordDiff } from "@/lib/chat/diff";
import { cn } from "@/lib/utils";

/** Changes of a version against the previous one: words for prose, lines for code. */
export function VersionDiff({ previous, current, mode }: { previous: string; current: string; mode: "words" | "lines" }) {
  const summary = useMemo(() => summarizeDiff(previous, current), [previous, current]);
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="version-diff">
      <div className="flex items-center gap-3 border-b px-4 py-2 text-xs text-muted-foreground">
        <span>Changes since the previous version</span>
        <span className="ml-auto font-mono">
          <span className="text-emerald-600 dark:text-emerald-400">+{summary.added}</span>{" "}
          <span className="text-red-600 dark:text-red-400">−{summary.removed}</span>
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        {summary.added === 0 && summary.removed === 0 ? (
          <p className="p-6 text-sm text-muted-foreground">This version has the same content as the previous one.</p>
        ) : mode === "words" ? (
          <WordsDiff previous={previous} current={current} />
        ) : (
          <LinesDiff previous={previous} current={current} />
        )}
      </div>
    </div>
  );
}

function WordsDiff({ previous, current }: { previous: string; current: string }) {
  const segments = useMemo(() => wordDiff(previous, current), [previous, current]);
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
