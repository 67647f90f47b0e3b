"use client";

import { useCallback } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/**
 * One of `choices` kept in the URL's `?name=` (so a tab or range survives reload and can be linked);
 * anything else reads as `fallback`, and choosing the fallback drops the parameter.
 */
export function useUrlChoice<T extends string>(name: string, choices: readonly T[], fallback: T): [T, (next: T) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const raw = params.get(name);
  const value = choices.find((c) => c === raw) ?? fallback;
  const set = useCallback(
    (next: T) => {
      const q = new URLSearchParams(params);
      if (next === fallback) q.delete(name);
      else q.set(name, next);
      const s = q.toString();
      router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
    },
    [params, router, pathname, name, fallback],
  );
  return [value, set];
}
