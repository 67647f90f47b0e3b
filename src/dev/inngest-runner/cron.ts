// Cron schedules for `{ cron }` triggers, parsed and stepped by croner: five fields (minute hour
// day-of-month month day-of-week), or six with leading seconds (a runner extension handy for
// tests), the @hourly/@daily/@weekly/@monthly/@yearly shorthands, and Inngest's optional
// "TZ=Zone " prefix, which croner does not read: it is stripped here and passed as `timezone`.
import { Cron } from "croner";

export interface CronSchedule {
  source: string;
  timeZone: string;
  cron: Cron;
}

const TZ_PREFIX = /^(?:TZ|CRON_TZ)=(\S+)\s+/;

/** Parses a cron expression; throws with a readable message when it is malformed. */
export function parseCron(expression: string): CronSchedule {
  let rest = expression.trim();
  let timeZone = "UTC"; // Inngest reads schedules without a zone as UTC; croner would use local time
  const tz = TZ_PREFIX.exec(rest);
  if (tz) {
    timeZone = tz[1] ?? timeZone;
    rest = rest.slice(tz[0].length);
    try {
      new Intl.DateTimeFormat("en-US", { timeZone }); // reject an unknown zone now, not at first fire
    } catch {
      throw new Error(`Cron "${expression}": unknown time zone "${timeZone}"`);
    }
  }
  try {
    // No callback: croner only parses and computes, it schedules nothing.
    const cron = new Cron(rest, { timezone: timeZone, mode: "5-or-6-parts", domAndDow: false });
    return { source: expression, timeZone, cron };
  } catch (err) {
    throw new Error(`Cron "${expression}" is invalid: ${(err as Error).message}`);
  }
}

/** True when the schedule fires at `date` (to the second). */
export function cronMatches(s: CronSchedule, date: Date): boolean {
  return s.cron.match(date);
}

/** The first instant strictly after `after` (ms) at which the schedule fires. */
export function nextCronTime(s: CronSchedule, after: number): number {
  const next = s.cron.nextRun(new Date(after));
  if (!next) throw new Error(`Cron "${s.source}" never fires`);
  return next.getTime();
}
