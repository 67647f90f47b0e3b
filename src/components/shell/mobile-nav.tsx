"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";

export function MobileNav({ runsUrl }: { runsUrl?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-64 bg-sidebar p-4">
        <SheetTitle asChild>
          <div className="mb-4">
            <Logo />
          </div>
        </SheetTitle>
        <SidebarNav runsUrl={runsUrl} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
