"use client";

import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import type { LogLine } from "./use-live-series";

const ROW = 22;
const LEVEL_CLASS: Record<string, string> = {
  info: "text-muted-foreground",
  warning: "text-amber-700 dark:text-amber-400",
  error: "text-destructive",
};

const time = (at: Date | string) =>
  new Date(at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * The job's log, virtualised: only the visible lines are in the DOM however long the log grows.
 * While the view is at the end it follows new lines; scrolled up, it stays where the reader is.
 */
export function LogPanel({ lines, pending }: { lines: LogLine[]; pending: boolean }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 12,
    getItemKey: (i) => lines[i]!.id,
    anchorTo: "end",
    followOnAppend: true,
    useFlushSync: false,
  });
  return (
    <Card className="gap-3 py-5" data-testid="log-panel" data-lines={lines.length}>
      <CardHeader className="flex flex-row items-baseline justify-between gap-2 px-5">
        <CardTitle className="text-sm">Logs</CardTitle>
        <span className="text-xs text-muted-foreground tabular-nums">{lines.length} lines</span>
      </CardHeader>
      <CardContent className="px-2 sm:px-5">
        <div
          ref={scrollRef}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1); focused, arrows and Page keys scroll it.
          tabIndex={0}
          role="log"
          aria-label="Job log"
          aria-live="off"
          className="h-72 overflow-auto rounded-lg border bg-muted/30 font-mono text-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {lines.length === 0 ? (
            <p className="p-3 text-muted-foreground">{pending ? "Loading…" : "No log lines yet."}</p>
          ) : (
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((row) => {
                const line = lines[row.index]!;
                return (
                  <div
                    key={row.key}
                    data-level={line.level}
                    className="absolute top-0 left-0 flex w-full gap-3 px-3 leading-[22px] whitespace-nowrap"
                    style={{ height: row.size, transform: `translateY(${row.start}px)` }}
                  >
                    <span className="shrink-0 text-muted-foreground/70 tabular-nums">{time(line.at)}</span>
                    <span className={cn("w-14 shrink-0 uppercase", LEVEL_CLASS[line.level])}>{line.level}</span>
                    <span className={cn(line.level === "info" ? "text-foreground" : LEVEL_CLASS[line.level])}>{line.message}</span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
