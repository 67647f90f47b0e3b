"use client";

import { usePathname } from "next/navigation";
import { ExternalLink, Workflow } from "lucide-react";
import { cn } from "@/lib/utils";
import { IntentLink } from "./intent-link";
import { isActive, NAV_ITEMS } from "./nav-items";

const itemClass =
  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/75 outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground focus-visible:ring-2 focus-visible:ring-sidebar-ring";

export function SidebarNav({ runsUrl, onNavigate }: { runsUrl?: string; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col gap-1">
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = isActive(href, pathname);
        return (
          <IntentLink
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(itemClass, active && "bg-sidebar-accent text-sidebar-foreground")}
          >
            <Icon className={cn("size-4", active && "text-sidebar-primary")} aria-hidden />
            {label}
          </IntentLink>
        );
      })}
      {runsUrl ? (
        <>
          <div className="mt-4 px-3 pb-1 text-xs font-medium tracking-wide text-sidebar-foreground/50 uppercase">Developer</div>
          <a href={runsUrl} target="_blank" rel="noreferrer" className={itemClass}>
            <Workflow className="size-4" aria-hidden />
            Runs
            <ExternalLink className="ml-auto size-3.5 opacity-60" aria-label="opens in a new tab" />
          </a>
        </>
      ) : null}
    </nav>
  );
}
