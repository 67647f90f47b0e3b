"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import type { RouterOutputs } from "@/trpc/react";
import { readSeen, toToast, writeSeen } from "./seen-toasts";

type Notification = RouterOutputs["notifications"]["list"][number];

/** Shows each new critical notification once as a toast that opens its page. */
export function useCriticalToasts(items: readonly Notification[] | undefined) {
  const router = useRouter();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!items) return;
    seen.current ??= readSeen(window.localStorage);
    const fresh = toToast(items, seen.current);
    if (fresh.length === 0) return;
    for (const n of fresh) {
      seen.current.add(n.id);
      const link = n.link;
      toast.error(n.title, {
        id: n.id,
        description: n.body ?? undefined,
        duration: 15_000,
        action: link ? { label: "Open", onClick: () => router.push(link) } : undefined,
      });
    }
    writeSeen(window.localStorage, seen.current);
  }, [items, router]);
}
