"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import { cn } from "@/lib/utils";
import { ChatHistory } from "./chat-history";
import { ChatLayoutContext } from "./chat-layout-context";
import dynamic from "next/dynamic";

export { SEARCH_SHORTCUT, useChatLayout } from "./chat-layout-context";

// Loaded the first time search opens: the chat page's first load does not pay for cmdk.
const ChatSearchDialog = dynamic(() => import("./chat-search-dialog").then((m) => m.ChatSearchDialog), { ssr: false });
import { DESKTOP_QUERY, useMediaQuery } from "./use-media-query";

const STORAGE_KEY = "radium:chat-history-open";

/** The chat area: a history column beside the conversation (a sheet on small screens). */
export function ChatLayoutShell({ children }: { children: React.ReactNode }) {
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const [desktopOpen, setDesktopOpen] = useState(true);
  const [mobileOpen, setMobileOpen] = useState(false);
  const [artifactOpen, setArtifactOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [searchUsed, setSearchUsed] = useState(false);
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

  const openSearch = useCallback(() => {
    setMobileOpen(false);
    setSearchUsed(true);
    setSearchOpen(true);
  }, []);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "k" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.defaultPrevented) return;
      e.preventDefault();
      openSearch();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [openSearch]);

  const value = useMemo(
    () => ({ historyOpen: isDesktop && !artifactOpen ? desktopOpen : mobileOpen, toggleHistory, setArtifactOpen, openSearch }),
    [isDesktop, desktopOpen, mobileOpen, artifactOpen, toggleHistory, openSearch],
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
      {searchUsed ? <ChatSearchDialog open={searchOpen} onOpenChange={setSearchOpen} /> : null}
    </ChatLayoutContext.Provider>
  );
}
