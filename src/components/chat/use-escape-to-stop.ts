"use client";

import { type RefObject, useEffect } from "react";

/**
 * Open layers that own Escape themselves: while one is open, Escape closes it and nothing else.
 * A tooltip (also a popper) is not one: hovering a button must not keep Escape from stopping.
 */
const OPEN_LAYER = "[role=dialog], [role=alertdialog], [role=menu], [data-radix-popper-content-wrapper]:not(:has([role=tooltip]))";
/** Editors where Escape means something to the editor (CodeMirror leaves its focus trap with it). */
const EDITOR = ".cm-editor";

/**
 * Escape stops a streaming answer, as in ChatGPT, when the keyboard is in the conversation (or
 * nowhere in particular) and no dialog, menu or popover is open to take the key first.
 */
export function useEscapeToStop(busy: boolean, stop: () => void, conversation: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!busy) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      const inConversation = !target || target === document.body || conversation.current?.contains(target);
      if (!inConversation || target?.closest(EDITOR) || document.querySelector(OPEN_LAYER)) return;
      e.preventDefault();
      stop();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [busy, stop, conversation]);
}
