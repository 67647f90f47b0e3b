"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { DocumentRef as OpenDocument } from "@/lib/chat/tool-parts";

/**
 * The document open in the artifact panel. Closing the panel removes the focused element, so focus
 * goes back to what had it when the document opened (a tool card, the header button, the
 * composer), else to the root's `[data-focus-after-document]`, rather than falling to <body>.
 */
export function useOpenDocument(root: RefObject<HTMLElement | null>) {
  const [openDoc, setOpenDocState] = useState<OpenDocument | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const setOpenDoc = useCallback((doc: OpenDocument | null) => {
    const active = document.activeElement;
    if (doc && active instanceof HTMLElement && active !== document.body && !active.closest("[data-testid=artifact-panel]")) opener.current = active;
    setOpenDocState(doc);
  }, []);

  const wasOpen = useRef(false);
  useEffect(() => {
    if (openDoc) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const back = opener.current;
    opener.current = null;
    const fallback = root.current?.querySelector<HTMLElement>("[data-focus-after-document]");
    (back?.isConnected ? back : fallback)?.focus();
  }, [openDoc, root]);

  return { openDoc, setOpenDoc };
}
