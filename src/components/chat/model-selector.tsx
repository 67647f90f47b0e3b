"use client";

import { Check, ChevronDown, Cpu, WifiOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export interface ModelOption {
  id: string;
  name: string;
  description: string;
  offline: boolean;
}

export function ModelSelector({
  models,
  value,
  onChange,
  disabled,
  className,
}: {
  models: ModelOption[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
  className?: string;
}) {
  const current = models.find((m) => m.id === value);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild disabled={disabled}>
        <Button variant="ghost" size="sm" className={cn("max-w-56 gap-1.5 px-2", className)} aria-label={`Model: ${current?.name ?? value}`} data-testid="model-selector">
          {current?.offline ? <WifiOff className="text-muted-foreground" /> : <Cpu className="text-muted-foreground" />}
          <span className="hidden truncate @md:inline">{current?.name ?? value}</span>
          {current?.offline ? (
            <Badge variant="secondary" className="h-5 px-1.5 text-[10px] uppercase">
              Offline
            </Badge>
          ) : null}
          <ChevronDown className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel className="text-xs text-muted-foreground">Model</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {models.map((m) => (
          <DropdownMenuItem key={m.id} onSelect={() => onChange(m.id)} className="items-start gap-2 py-2" data-testid={`model-option-${m.id}`}>
            <div className="flex min-w-0 flex-1 flex-col gap-0.5">
              <span className="flex items-center gap-2 font-medium">
                {m.name}
                {m.offline ? (
                  <Badge variant="secondary" className="h-5 px-1.5 text-[10px] uppercase">
                    Offline
                  </Badge>
                ) : null}
              </span>
              <span className="text-xs text-muted-foreground">{m.description}</span>
            </div>
            {m.id === value ? <Check className="mt-0.5 size-4 text-primary" aria-label="Selected" /> : null}
          </DropdownMenuItem>
        ))}
        {models.length === 1 && models[0]?.offline ? (
          <>
            <DropdownMenuSeparator />
            <p className="px-2 py-1.5 text-xs text-muted-foreground">
              Set <code className="font-mono">OPENAI_API_KEY</code> (and optionally <code className="font-mono">OPENAI_BASE_URL</code>) to use real
              models.
            </p>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
