"use client";

import { useCallback, useState } from "react";

/**
 * Which version is on screen: the newest unless the reader stepped back. Stepping forward onto the
 * newest follows later versions again, and a pick past the end (versions replaced) shows the newest.
 */
export function useVersionSelection<V>(versions: V[]) {
  const [selected, setSelected] = useState<number | null>(null);
  const latestIndex = versions.length - 1;
  const viewIndex = selected === null || selected > latestIndex ? latestIndex : selected;
  const showLatest = useCallback(() => setSelected(null), []);

  return {
    viewIndex,
    viewing: versions[viewIndex],
    previous: viewIndex > 0 ? versions[viewIndex - 1] : undefined,
    isLatest: viewIndex === latestIndex,
    showPrevious: () => setSelected(Math.max(0, viewIndex - 1)),
    showNext: () => setSelected(viewIndex + 1 >= latestIndex ? null : viewIndex + 1),
    showLatest,
  };
}
