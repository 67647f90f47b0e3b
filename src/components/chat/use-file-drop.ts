"use client";

import { type RefObject, useEffect, useState } from "react";

const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes("Files");

/**
 * Files dragged over `target` (the conversation, composer included) are attached when dropped.
 * Returns whether files are being dragged over it, to show where they will go. Text or links
 * dragged about are left to the browser.
 */
export function useFileDrop(target: RefObject<HTMLElement | null>, onFiles: (files: File[]) => void, enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    const el = target.current;
    if (!el || !enabled) return;
    // dragenter/dragleave fire for every child crossed: count them, so the overlay does not flicker.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // allows the drop
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault(); // the browser would open the file instead
      depth = 0;
      setOver(false);
      onFiles(Array.from(e.dataTransfer?.files ?? []));
    };
    el.addEventListener("dragenter", enter);
    el.addEventListener("dragover", overHandler);
    el.addEventListener("dragleave", leave);
    el.addEventListener("drop", drop);
    return () => {
      el.removeEventListener("dragenter", enter);
      el.removeEventListener("dragover", overHandler);
      el.removeEventListener("dragleave", leave);
      el.removeEventListener("drop", drop);
      setOver(false);
    };
  }, [target, onFiles, enabled]);
  return over;
}
