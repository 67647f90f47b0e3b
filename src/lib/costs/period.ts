/**
 * Billing periods are UTC calendar months ("2026-12"), and days in the daily series are UTC days.
 * A record belongs to the month and day of its periodStart; accrual windows never cross a UTC hour
 * (deployments) or day (storage), so only a training chunk can straddle midnight, and it counts where
 * it started. A user's own time zone changes nothing: an instant is in one UTC month whatever the
 * offset it was written with, and the UI labels the periods as UTC.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2026-12" for any instant in December 2026, UTC. */
export function billingPeriodOf(at: Date): string {
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}`;
}

/** "2026-12-02", the UTC day. */
export function dayOf(at: Date): string {
  return `${billingPeriodOf(at)}-${pad(at.getUTCDate())}`;
}

export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function nextMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

export function floorHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

export function floorDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** The UTC days from `from`'s day up to and including `to`'s day, as "YYYY-MM-DD". */
export function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (let t = floorDay(from).getTime(); t <= to.getTime(); t += DAY_MS) out.push(dayOf(new Date(t)));
  return out;
}
