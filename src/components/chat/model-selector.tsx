"use client";

import Link from "next/link";
import { Check, ChevronDown, Cpu, Rocket, WifiOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { DEPLOYMENT_MODEL_PREFIX } from "@/lib/gateway/chat-model-id";
import { cn } from "@/lib/utils";

export interface ModelOption {
  id: string;
  name: string;
  description: string;
  offline: boolean;
}

function OfflineBadge() {
  return (
    <Badge variant="secondary" className="h-5 px-1.5 text-[10px] uppercase">
      Offline
    </Badge>
  );
}

function ModelItem({ m, selected, onSelect, mono }: { m: ModelOption; selected: boolean; onSelect: () => void; mono?: boolean }) {
  return (
    <DropdownMenuItem onSelect={onSelect} className="items-start gap-2 py-2" data-testid={`model-option-${m.id}`}>
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <span className={cn("flex items-center gap-2 font-medium", mono && "font-mono text-[13px]")}>
          <span className="truncate">{m.name}</span>
          {m.offline ? <OfflineBadge /> : null}
        </span>
        <span className="truncate text-xs text-muted-foreground">{m.description}</span>
      </div>
      {selected ? <Check className="mt-0.5 size-4 text-primary" aria-label="Selected" /> : null}
    </DropdownMenuItem>
  );
}

/** The registry's models, then the user's own active deployments under "Your deployments". */
export function ModelSelector({
  models,
  deployments = [],
  value,
  onChange,
  disabled,
  className,
}: {
  models: ModelOption[];
  deployments?: ModelOption[];
  value: string;
  onChange: (id: string) => void;
  disabled?: boolean;
  className?: string;
}) {
  const current = models.find((m) => m.id === value) ?? deployments.find((m) => m.id === value);
  const isDeployment = value.startsWith(DEPLOYMENT_MODEL_PREFIX);
  const Icon = current?.offline ? WifiOff : isDeployment ? Rocket : Cpu;
  // The name holds everything the button shows, the Offline badge too (label in name, WCAG 2.5.3).
  const label = `Model: ${current?.name ?? value}${current?.offline ? ", offline" : ""}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild disabled={disabled}>
        <Button variant="ghost" size="sm" className={cn("max-w-56 gap-1.5 px-2", className)} aria-label={label} data-testid="model-selector">
          <Icon className="text-muted-foreground" />
          <span className={cn("hidden truncate @md:inline", isDeployment && "font-mono")}>{current?.name ?? value}</span>
          {/* A space, so the name and the badge read as two words (a flex gap is not text). */}
          {current?.offline ? <> <OfflineBadge /></> : null}
          <ChevronDown className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-h-[min(32rem,var(--radix-dropdown-menu-content-available-height))] w-72 overflow-y-auto">
        <DropdownMenuGroup aria-label="Models">
          <DropdownMenuLabel className="text-xs text-muted-foreground">Model</DropdownMenuLabel>
          {models.map((m) => (
            <ModelItem key={m.id} m={m} selected={m.id === value} onSelect={() => onChange(m.id)} />
          ))}
        </DropdownMenuGroup>
        {models.length === 1 && models[0]?.offline ? (
          <p className="px-2 py-1.5 text-xs text-muted-foreground">
            Set <code className="font-mono">OPENAI_API_KEY</code> (and optionally <code className="font-mono">OPENAI_BASE_URL</code>) to use real
            models.
          </p>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuGroup aria-label="Your deployments">
          <DropdownMenuLabel className="text-xs text-muted-foreground">Your deployments</DropdownMenuLabel>
          {deployments.map((m) => (
            <ModelItem key={m.id} m={m} mono selected={m.id === value} onSelect={() => onChange(m.id)} />
          ))}
          {deployments.length === 0 ? (
            <DropdownMenuItem asChild className="text-xs text-muted-foreground">
              <Link href="/deployments/new">
                <Rocket /> Deploy a model to chat with it here
              </Link>
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
