"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * Keeps a scroll container pinned to the bottom while content grows, unless the reader has
 * scrolled up; reports whether it is at the bottom so a "scroll down" button can show.
 */
export function useStickToBottom<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const [atBottom, setAtBottom] = useState(true);
  const pinned = useRef(true);

  const scrollToBottom = useCallback((behavior: ScrollBehavior = "smooth") => {
    const el = ref.current;
    if (!el) return;
    pinned.current = true;
    el.scrollTo({ top: el.scrollHeight, behavior });
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
      const bottom = distance < 48;
      pinned.current = bottom;
      setAtBottom(bottom);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    // Content changes (streaming tokens, images, code highlighting) keep the view pinned.
    const follow = () => {
      if (pinned.current && enabledRef.current) el.scrollTop = el.scrollHeight;
    };
    const resize = new ResizeObserver(follow);
    resize.observe(el);
    // The content's own height changes too (a narrower column rewraps text, code gets highlighted).
    let content = el.firstElementChild;
    if (content) resize.observe(content);
    const observer = new MutationObserver(() => {
      if (el.firstElementChild !== content) {
        if (content) resize.unobserve(content);
        content = el.firstElementChild;
        if (content) resize.observe(content);
      }
      follow();
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    follow();
    return () => {
      el.removeEventListener("scroll", onScroll);
      observer.disconnect();
      resize.disconnect();
    };
  }, []);

  return { ref, atBottom, scrollToBottom };
}
