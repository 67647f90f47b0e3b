import { Badge } from "@/components/ui/badge";
import { formatRelative } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { RouterOutputs } from "@/trpc/react";
import { NOTIFICATION_TYPE_ICON, NOTIFICATION_TYPE_LABEL, notificationTone, TONE_CLASS } from "./labels";

export type Notification = RouterOutputs["notifications"]["list"][number];

/** One notification's content (the bell and the page wrap it in their own link or row). */
export function NotificationBody({ n, compact = false }: { n: Notification; compact?: boolean }) {
  const Icon = NOTIFICATION_TYPE_ICON[n.type];
  return (
    <div className="flex min-w-0 flex-1 gap-3">
      <Icon className={cn("mt-0.5 size-4 shrink-0", TONE_CLASS[notificationTone(n.type)])} aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col gap-0.5">
        <div className="flex items-center gap-2 text-sm font-medium">
          {!n.readAt ? <span className="size-1.5 shrink-0 rounded-full bg-primary" role="img" aria-label="unread" /> : null}
          <span className={cn(compact && "line-clamp-2")}>{n.title}</span>
        </div>
        {n.body ? <p className={cn("text-xs text-muted-foreground", compact && "line-clamp-2")}>{n.body}</p> : null}
        <div className="flex flex-wrap items-center gap-2 text-[11px] text-muted-foreground/80">
          <time dateTime={n.createdAt.toISOString()} title={n.createdAt.toLocaleString()}>
            {formatRelative(n.createdAt)}
          </time>
          {!compact ? <span>· {NOTIFICATION_TYPE_LABEL[n.type]}</span> : null}
          {n.priority === "critical" || n.priority === "high" ? (
            <Badge variant={n.priority === "critical" ? "destructive" : "secondary"} className="px-1.5 py-0 text-[10px]">
              {n.priority}
            </Badge>
          ) : null}
        </div>
      </div>
    </div>
  );
}
