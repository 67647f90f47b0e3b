"use client";

import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { NOTIFICATION_TYPES, type NotificationType } from "@/lib/notifications/types";
import { NOTIFICATION_TYPE_LABEL } from "./labels";

export interface NotificationFilters {
  type: NotificationType | null;
  unread: boolean;
}

const ALL = "all";

/** Type and "unread only". */
export function NotificationsFilters({ value, onChange }: { value: NotificationFilters; onChange: (next: NotificationFilters) => void }) {
  return (
    <search className="flex flex-wrap items-center gap-4" aria-label="Filter notifications">
      <Select value={value.type ?? ALL} onValueChange={(v) => onChange({ ...value, type: NOTIFICATION_TYPES.find((t) => t === v) ?? null })}>
        <SelectTrigger aria-label="Type" className="w-52">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All types</SelectItem>
          {NOTIFICATION_TYPES.map((t) => (
            <SelectItem key={t} value={t}>
              {NOTIFICATION_TYPE_LABEL[t]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div className="flex items-center gap-2">
        <Switch id="notifications-unread" checked={value.unread} onCheckedChange={(unread) => onChange({ ...value, unread })} />
        <Label htmlFor="notifications-unread">Unread only</Label>
      </div>
    </search>
  );
}
