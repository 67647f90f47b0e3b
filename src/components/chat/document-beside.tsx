"use client";

import type { ReactNode } from "react";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";

/** Where the open document goes: beside the conversation on a wide screen, a full-screen sheet on a phone. */
export function DocumentBeside({ title, sheet, onClose, children }: { title: string; sheet: boolean; onClose: () => void; children: ReactNode }) {
  if (!sheet) return <div className="flex min-w-0 flex-1">{children}</div>;
  return (
    <Sheet open onOpenChange={(open) => !open && onClose()}>
      <SheetContent side="right" showCloseButton={false} className="w-full gap-0 p-0 sm:max-w-full" onOpenAutoFocus={(e) => e.preventDefault()}>
        <SheetTitle className="sr-only">{title}</SheetTitle>
        <SheetDescription className="sr-only">The document beside the chat</SheetDescription>
        {children}
      </SheetContent>
    </Sheet>
  );
}
