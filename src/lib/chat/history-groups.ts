/** Groups the chat history like the sidebar shows it: today, yesterday, last 7 days, last 30 days, older. */

export const HISTORY_GROUPS = ["today", "yesterday", "last7", "last30", "older"] as const;
export type HistoryGroup = (typeof HISTORY_GROUPS)[number];

export const HISTORY_GROUP_LABELS: Record<HistoryGroup, string> = {
  today: "Today",
  yesterday: "Yesterday",
  last7: "Last 7 days",
  last30: "Last 30 days",
  older: "Older",
};

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Which group a date falls in, by local calendar days relative to `now`. */
export function historyGroupOf(date: Date, now: Date = new Date()): HistoryGroup {
  const today = startOfDay(now);
  const day = startOfDay(date);
  const DAY = 24 * 3600 * 1000;
  // Calendar-day difference, robust to DST (23/25-hour days).
  const diffDays = Math.round((today - day) / DAY);
  if (diffDays <= 0) return "today";
  if (diffDays === 1) return "yesterday";
  if (diffDays <= 7) return "last7";
  if (diffDays <= 30) return "last30";
  return "older";
}

/** Groups items (already sorted newest first) keeping their order; empty groups are left out. */
export function groupHistory<T extends { updatedAt: Date | string }>(
  items: readonly T[],
  now: Date = new Date(),
): Array<{ group: HistoryGroup; label: string; items: T[] }> {
  const buckets = new Map<HistoryGroup, T[]>();
  for (const item of items) {
    const g = historyGroupOf(new Date(item.updatedAt), now);
    const list = buckets.get(g);
    if (list) list.push(item);
    else buckets.set(g, [item]);
  }
  return HISTORY_GROUPS.filter((g) => buckets.has(g)).map((g) => ({
    group: g,
    label: HISTORY_GROUP_LABELS[g],
    items: buckets.get(g)!,
  }));
}
