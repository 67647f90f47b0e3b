/** The Requests tab's filters and the usage.requests input they make (without the cursor). */
import { RANGE_SECONDS, type MetricRange } from "@/lib/gateway/metrics";
import type { UsageRequestsInput } from "@/lib/gateway/requests";

export const STATUS_FILTERS = ["all", "success", "error"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { all: "All statuses", success: "Succeeded", error: "Failed" };

export const TIME_FILTERS = ["all", "1h", "24h", "7d", "30d"] as const;
export type TimeFilter = (typeof TIME_FILTERS)[number];
export const TIME_FILTER_LABELS: Record<TimeFilter, string> = {
  all: "Any time",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

export const ALL_KEYS = "all";

export interface RequestFilters {
  status: StatusFilter;
  /** A key id, or ALL_KEYS. */
  key: string;
  time: TimeFilter;
}

export const NO_REQUEST_FILTERS: RequestFilters = { status: "all", key: ALL_KEYS, time: "all" };

export const PAGE_SIZE = 25;

/**
 * `from` is rounded down to the minute: the input stays the same for a minute, so refetches and
 * "Load more" page through one list instead of a new one every render.
 */
export function requestsInput(deploymentId: string, f: RequestFilters, now: Date): Omit<UsageRequestsInput, "cursor"> {
  const input: Omit<UsageRequestsInput, "cursor"> = { deploymentId, limit: PAGE_SIZE };
  if (f.status !== "all") input.status = f.status;
  if (f.key !== ALL_KEYS) input.apiKeyId = f.key;
  if (f.time !== "all") {
    const minute = Math.floor(now.getTime() / 60_000) * 60_000;
    input.from = new Date(minute - RANGE_SECONDS[f.time satisfies MetricRange] * 1000);
  }
  return input;
}

export function isFiltered(f: RequestFilters): boolean {
  return f.status !== "all" || f.key !== ALL_KEYS || f.time !== "all";
}

/** Keys that can have called this deployment: scoped to it, or to all deployments. */
export function keysForDeployment<K extends { deployment: { id: string } | null }>(keys: K[], deploymentId: string): K[] {
  return keys.filter((k) => k.deployment === null || k.deployment.id === deploymentId);
}
