"use client";

import { Check, ChevronDown, Globe, Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ChatVisibility } from "@/lib/chat/contract";
import { cn } from "@/lib/utils";

const OPTIONS: Array<{ value: ChatVisibility; label: string; description: string; icon: typeof Lock }> = [
  { value: "private", label: "Private", description: "Only you can see this chat.", icon: Lock },
  { value: "public", label: "Public", description: "Anyone signed in with the link can read it and its documents.", icon: Globe },
];

export function VisibilitySelector({
  value,
  onChange,
  disabled,
  className,
}: {
  value: ChatVisibility;
  onChange: (v: ChatVisibility) => void;
  disabled?: boolean;
  className?: string;
}) {
  const current = OPTIONS.find((o) => o.value === value) ?? OPTIONS[0]!;
  const Icon = current.icon;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild disabled={disabled}>
        <Button variant="ghost" size="sm" className={cn("gap-1.5 px-2", className)} aria-label={`Visibility: ${current.label}`} data-testid="visibility-selector">
          <Icon className="text-muted-foreground" />
          <span className="hidden @md:inline">{current.label}</span>
          <ChevronDown className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        {OPTIONS.map((o) => (
          <DropdownMenuItem key={o.value} onSelect={() => onChange(o.value)} className="items-start gap-2 py-2">
            <o.icon className="mt-0.5 size-4 text-muted-foreground" />
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <span className="font-medium">{o.label}</span>
              <span className="text-xs text-muted-foreground">{o.description}</span>
            </div>
            {o.value === value ? <Check className="mt-0.5 size-4 text-primary" aria-label="Selected" /> : null}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
