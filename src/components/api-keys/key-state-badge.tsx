import { Badge } from "@/components/ui/badge";
import type { ApiKeyState } from "@/lib/gateway/api-keys";
import { cn } from "@/lib/utils";

const STATE_CLASS: Record<ApiKeyState, string> = {
  active: "border-emerald-500/30 bg-emerald-500/10 text-emerald-700 dark:text-emerald-400",
  expired: "border-amber-500/30 bg-amber-500/10 text-amber-700 dark:text-amber-400",
  revoked: "text-muted-foreground",
};

export function KeyStateBadge({ state }: { state: ApiKeyState }) {
  return (
    <Badge variant="outline" className={cn("capitalize", STATE_CLASS[state])} data-state={state}>
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      {state}
    </Badge>
  );
}
