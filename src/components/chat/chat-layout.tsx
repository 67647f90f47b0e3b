"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import { ChatHistory } from "./chat-history";
import { DESKTOP_QUERY, useMediaQuery } from "./use-media-query";

interface ChatLayoutState {
  historyOpen: boolean;
  toggleHistory: () => void;
  /** While a document is open the history column makes room for it (the toggle then opens it as a sheet). */
  setArtifactOpen: (open: boolean) => void;
}

const ChatLayoutContext = createContext<ChatLayoutState>({
  historyOpen: false,
  toggleHistory: () => undefined,
  setArtifactOpen: () => undefined,
});

export function useChatLayout() {
  return useContext(ChatLayoutContext);
}

const STORAGE_KEY = "radium:chat-history-open";

/** The chat area: a history column beside the conversation (a sheet on small screens). */
export function ChatLayoutShell({ children }: { children: React.ReactNode }) {
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const [desktopOpen, setDesktopOpen] = useState(true);
  const [mobileOpen, setMobileOpen] = useState(false);
  const [artifactOpen, setArtifactOpen] = useState(false);
  const artifactRef = useRef(false);
  artifactRef.current = artifactOpen;

  useEffect(() => {
    if (window.localStorage.getItem(STORAGE_KEY) === "false") setDesktopOpen(false);
  }, []);

  const toggleHistory = useCallback(() => {
    if (window.matchMedia(DESKTOP_QUERY).matches && !artifactRef.current) {
      setDesktopOpen((open) => {
        window.localStorage.setItem(STORAGE_KEY, String(!open));
        return !open;
      });
    } else setMobileOpen((open) => !open);
  }, []);

  const value = useMemo(
    () => ({ historyOpen: isDesktop && !artifactOpen ? desktopOpen : mobileOpen, toggleHistory, setArtifactOpen }),
    [isDesktop, desktopOpen, mobileOpen, artifactOpen, toggleHistory],
  );

  return (
    <ChatLayoutContext.Provider value={value}>
      <div className="flex h-[calc(100dvh-3.5rem)] min-h-0 w-full">
        <aside
          aria-label="Chat history"
          className={cn("hidden w-64 shrink-0 flex-col border-r bg-sidebar/60", desktopOpen && !artifactOpen && "lg:flex")}
        >
          <ChatHistory />
        </aside>
        <Sheet open={mobileOpen && (!isDesktop || artifactOpen)} onOpenChange={setMobileOpen}>
          <SheetContent side="left" className="w-[85vw] max-w-80 gap-0 bg-sidebar p-0">
            <SheetTitle className="sr-only">Chat history</SheetTitle>
            <SheetDescription className="sr-only">Your chats, newest first.</SheetDescription>
            <ChatHistory onNavigate={() => setMobileOpen(false)} />
          </SheetContent>
        </Sheet>
        <div className="flex min-w-0 flex-1">{children}</div>
      </div>
    </ChatLayoutContext.Provider>
  );
}
