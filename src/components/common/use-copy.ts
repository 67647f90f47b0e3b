"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";

/** How long a copy button shows that it copied. */
const COPIED_MS = 1500;

export async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // Fallback for browsers without the async clipboard (or without permission).
    const el = document.createElement("textarea");
    el.value = value;
    el.style.position = "fixed";
    el.style.opacity = "0";
    document.body.appendChild(el);
    el.select();
    const ok = document.execCommand("copy");
    el.remove();
    return ok;
  }
}

/**
 * Every copy button's behaviour: copies, shows `copied` for a moment, and says so when the
 * clipboard refused (a button that claims "Copied" when nothing was copied misleads).
 */
export function useCopy() {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(async (value: string): Promise<boolean> => {
    const ok = await copyText(value);
    if (!ok) {
      toast.error("Could not copy to the clipboard.");
      return false;
    }
    setCopied(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
    return true;
  }, []);
  return { copied, copy };
}
