"use client";

import { useEffect, useRef } from "react";
import type { RadiumUIMessage } from "@/lib/chat/contract";
import { type DocumentRef, lastAnswerDocument } from "@/lib/chat/tool-parts";

/**
 * A chat whose last answer wrote a document opens with that document beside it, once, on wide
 * screens only: on a phone the panel would cover the conversation, and the card is one tap away.
 */
export function useReopenLastDocument(initialMessages: RadiumUIMessage[], enabled: boolean, open: (doc: DocumentRef) => void) {
  const reopened = useRef(false);
  useEffect(() => {
    if (reopened.current || !enabled) return;
    reopened.current = true;
    const doc = lastAnswerDocument(initialMessages);
    if (doc) open(doc);
  }, [enabled, initialMessages, open]);
}
