"use client";

import { usePathname, useRouter } from "next/navigation";

/** Goes to a fresh new chat, even when already on "/". */
export function useNewChat() {
  const router = useRouter();
  const pathname = usePathname();
  return () => {
    if (pathname === "/") router.refresh();
    else router.push("/");
  };
}
