/**
 * The one writer of notifications. The priority and the link follow from the type and the resource
 * (src/lib/notifications/types.ts); a dedupe key makes a retried step record its notification once.
 */
import "server-only";
import {
  DEFAULT_PRIORITY,
  type NotificationPriority,
  type NotificationResourceType,
  type NotificationType,
  notificationLink,
} from "@/lib/notifications/types";
import { notifications } from "@/server/db/schema";
import type { DbOrTx } from "@/server/db/types";

export interface NewNotification {
  userId: string;
  type: NotificationType;
  title: string;
  body?: string;
  /** Defaults to the type's (DEFAULT_PRIORITY). */
  priority?: NotificationPriority;
  resource?: { type: NotificationResourceType; id: string | null };
  dedupeKey?: string;
}

/** Inserts it unless one with the same dedupe key exists; returns the new id, or null when it did. */
export async function notify(tx: DbOrTx, n: NewNotification): Promise<string | null> {
  const [row] = await tx
    .insert(notifications)
    .values({
      userId: n.userId,
      type: n.type,
      priority: n.priority ?? DEFAULT_PRIORITY[n.type],
      title: n.title,
      body: n.body ?? "",
      resourceType: n.resource?.type ?? null,
      resourceId: n.resource?.id ?? null,
      link: n.resource ? notificationLink(n.resource.type, n.resource.id) : null,
      dedupeKey: n.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return row?.id ?? null;
}
