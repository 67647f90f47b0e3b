import { AlertTriangle, Bell, Database, type LucideIcon, Rocket, SlidersHorizontal, Wallet, XCircle } from "lucide-react";
import type { NotificationType } from "@/lib/notifications/types";

export const NOTIFICATION_TYPE_LABEL: Record<NotificationType, string> = {
  job_completed: "Job completed",
  job_failed: "Job failed",
  dataset_ready: "Dataset ready",
  dataset_failed: "Dataset failed",
  deployment_active: "Deployment active",
  deployment_failed: "Deployment failed",
  cost_alert_80: "Budget 80%",
  cost_alert_100: "Budget 100%",
  system: "System",
};

export const NOTIFICATION_TYPE_ICON: Record<NotificationType, LucideIcon> = {
  job_completed: SlidersHorizontal,
  job_failed: XCircle,
  dataset_ready: Database,
  dataset_failed: XCircle,
  deployment_active: Rocket,
  deployment_failed: XCircle,
  cost_alert_80: Wallet,
  cost_alert_100: AlertTriangle,
  system: Bell,
};

/** Success kinds read calm; failures and the 100% alert read as trouble. */
export function notificationTone(type: NotificationType): "ok" | "warn" | "bad" | "info" {
  if (type === "job_failed" || type === "dataset_failed" || type === "deployment_failed" || type === "cost_alert_100") return "bad";
  if (type === "cost_alert_80") return "warn";
  if (type === "system") return "info";
  return "ok";
}

export const TONE_CLASS = { ok: "text-emerald-600 dark:text-emerald-400", warn: "text-amber-600 dark:text-amber-400", bad: "text-destructive", info: "text-muted-foreground" } as const;

