import { DAY_MS, dayOf, monthStart } from "@/lib/costs/period";
import type { CostResourceType, CostType } from "@/lib/costs/types";

/** The costs page's filters: a UTC day range (both ends inclusive) for everything, type and resource for the records. */
export interface CostFilters {
  from: string;
  to: string;
  type: CostType | null;
  resourceType: CostResourceType | null;
}

/** This month so far. */
export function defaultFilters(now: Date = new Date()): CostFilters {
  return { from: dayOf(monthStart(now)), to: dayOf(now), type: null, resourceType: null };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A range the server accepts (from ≤ to, at most 367 days), or why not. */
export function rangeError(f: Pick<CostFilters, "from" | "to">): string | null {
  if (!DAY.test(f.from) || !DAY.test(f.to)) return "Choose both days.";
  const span = (Date.parse(f.to) - Date.parse(f.from)) / DAY_MS;
  if (span < 0) return "The end is before the start.";
  if (span >= 367) return "The range is at most a year.";
  return null;
}

/** costs.records input: periodStart in [from 00:00Z, the day after `to` 00:00Z). */
export function recordsInput(f: CostFilters) {
  return {
    from: new Date(`${f.from}T00:00:00Z`),
    to: new Date(Date.parse(`${f.to}T00:00:00Z`) + DAY_MS),
    ...(f.type ? { type: f.type } : {}),
    ...(f.resourceType ? { resourceType: f.resourceType } : {}),
  };
}
