"use client";

import { useEffect, useState } from "react";

/**
 * The current time, updated every `ms` while `on` (an ETA or elapsed time counts without a
 * refetch). Null until mounted: the server's render and the first client render must agree.
 */
export function useNow(on: boolean, ms = 1000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    if (!on) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [on, ms]);
  return now;
}
