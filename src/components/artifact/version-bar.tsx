"use client";

import { ChevronLeft, ChevronRight, History } from "lucide-react";
import { formatRelative } from "@/lib/format";
import { IconButton } from "./icon-button";

/** The version stepper ("Version 2 of 3"), with the actions for the version shown on its right. */
export function VersionBar({
  index,
  count,
  viewedAt,
  onPrevious,
  onNext,
  children,
}: {
  index: number;
  count: number;
  viewedAt: Date | undefined;
  onPrevious: () => void;
  onNext: () => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1 border-b px-3 py-1.5 text-xs" data-testid="version-bar">
      <History className="size-3.5 text-muted-foreground" aria-hidden />
      <IconButton label="Previous version" disabled={index <= 0} onClick={onPrevious}>
        <ChevronLeft />
      </IconButton>
      <span className="tabular-nums" data-testid="version-label" aria-live="polite">
        Version {index + 1} of {count}
      </span>
      <IconButton label="Next version" disabled={index === count - 1} onClick={onNext}>
        <ChevronRight />
      </IconButton>
      {viewedAt ? <span className="hidden text-muted-foreground sm:inline">· {formatRelative(viewedAt)}</span> : null}
      {/* Wraps on a phone, so every action stays inside the panel's width. */}
      <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-1">{children}</div>
    </div>
  );
}
