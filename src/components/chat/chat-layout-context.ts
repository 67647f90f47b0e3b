"use client";

import { createContext, useContext } from "react";

export interface ChatLayoutState {
  historyOpen: boolean;
  toggleHistory: () => void;
  /** While a document is open the history column makes room for it (the toggle then opens it as a sheet). */
  setArtifactOpen: (open: boolean) => void;
  /** Opens history search (also Ctrl+K / ⌘K anywhere in the chat area). */
  openSearch: () => void;
}

export const ChatLayoutContext = createContext<ChatLayoutState>({
  historyOpen: false,
  toggleHistory: () => undefined,
  setArtifactOpen: () => undefined,
  openSearch: () => undefined,
});

/** The search shortcut, as `aria-keyshortcuts` spells it. */
export const SEARCH_SHORTCUT = "Control+K Meta+K";

export function useChatLayout() {
  return useContext(ChatLayoutContext);
}

