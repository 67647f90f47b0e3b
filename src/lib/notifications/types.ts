/**
 * Notification kinds, their priorities, and where each links. Every writer goes through
 * src/server/notifications/notify.ts, which fills the priority and the link from here, so the bell,
 * the /notifications page and the toasts (critical only) agree on what a kind means.
 */

export const NOTIFICATION_TYPES = [
  "job_completed",
  "job_failed",
  "dataset_ready",
  "dataset_failed",
  "deployment_active",
  "deployment_failed",
  "cost_alert_80",
  "cost_alert_100",
  "system",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_PRIORITIES = ["low", "normal", "high", "critical"] as const;
export type NotificationPriority = (typeof NOTIFICATION_PRIORITIES)[number];

export const NOTIFICATION_RESOURCE_TYPES = ["training_job", "dataset", "deployment", "artifact", "costs"] as const;
export type NotificationResourceType = (typeof NOTIFICATION_RESOURCE_TYPES)[number];

/** Seed 003: job outcomes and the 80% alert high, the 100% alert critical, a ready dataset normal. */
export const DEFAULT_PRIORITY: Record<NotificationType, NotificationPriority> = {
  job_completed: "high",
  job_failed: "high",
  dataset_ready: "normal",
  dataset_failed: "high",
  deployment_active: "normal",
  deployment_failed: "high",
  cost_alert_80: "high",
  cost_alert_100: "critical",
  system: "low",
};

/** The page a notification about this resource opens (null: nothing to open). */
export function notificationLink(resourceType: NotificationResourceType | null, resourceId: string | null): string | null {
  switch (resourceType) {
    case "training_job":
      return resourceId ? `/fine-tuning/jobs/${resourceId}` : "/fine-tuning";
    case "dataset":
      return resourceId ? `/datasets/${resourceId}` : "/datasets";
    case "deployment":
      return resourceId ? `/deployments/${resourceId}` : "/deployments";
    case "artifact":
      return resourceId ? `/models/artifacts/${resourceId}` : "/models";
    case "costs":
      return "/costs";
    default:
      return null;
  }
}
