"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

/**
 * A link that prefetches its route when the user shows intent (pointer over it, focus, touch), not when
 * it scrolls into view. The sidebar's links are on every page: prefetching all of them in the viewport
 * made every page load cost the server nine more renders (eighteen with the phone menu), right while the
 * page itself was hydrating (bench/first-byte.ts).
 */
export function IntentLink({ href, onMouseEnter, onFocus, onTouchStart, ...props }: IntentLinkProps) {
  const router = useRouter();
  // Each intent prefetches, then runs the caller's own handler for that event, if any.
  const onIntent =
    <E,>(handler?: (e: E) => void) =>
    (e: E) => {
      router.prefetch(href);
      handler?.(e);
    };
  return (
    <Link
      href={href}
      prefetch={false}
      onMouseEnter={onIntent(onMouseEnter)}
      onFocus={onIntent(onFocus)}
      onTouchStart={onIntent(onTouchStart)}
      {...props}
    />
  );
}
