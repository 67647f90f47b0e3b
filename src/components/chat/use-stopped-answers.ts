"use client";

import { useCallback, useState } from "react";
import type { RadiumUIMessage } from "@/lib/chat/contract";

/**
 * Which answers the user stopped: stored ones carry `metadata.stopped` (a continuation's stream
 * sets it false); one stopped in this visit is remembered here until it is continued.
 */
export function useStoppedAnswers() {
  const [stoppedHere, setStoppedHere] = useState<ReadonlySet<string>>(new Set());
  const update = useCallback((id: string, stopped: boolean) => {
    setStoppedHere((s) => {
      if (s.has(id) === stopped) return s;
      const next = new Set(s);
      if (stopped) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const isStopped = useCallback(
    (m: RadiumUIMessage) => m.role === "assistant" && (stoppedHere.has(m.id) || m.metadata?.stopped === true),
    [stoppedHere],
  );
  return { isStopped, update };
}
