// Cron schedules for `{ cron }` triggers: five fields (minute hour day-of-month month day-of-week),
// or six with leading seconds (a runner extension handy for tests), an optional "TZ=Zone " prefix
// as Inngest accepts, and the @hourly/@daily/@weekly/@monthly/@yearly shorthands.

export interface CronSchedule {
  source: string;
  timeZone: string;
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  /** Standard cron: when both day fields are restricted, a day matches if either does. */
  domRestricted: boolean;
  dowRestricted: boolean;
}

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

const MONTH_NAMES = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

function parseField(field: string, min: number, max: number, names?: string[], nameBase = 0): Set<number> {
  const out = new Set<number>();
  const value = (s: string): number => {
    const upper = s.toUpperCase();
    const named = names?.indexOf(upper) ?? -1;
    const n = named >= 0 ? named + nameBase : Number(s);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Cron value "${s}" is out of range ${min}-${max}`);
    return n;
  };
  for (const part of field.split(",")) {
    const [range, stepStr] = part.split("/");
    const step = stepStr === undefined ? 1 : Number(stepStr);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Invalid cron step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") {
      lo = min;
      hi = max;
    } else if (range!.includes("-")) {
      const [a, b] = range!.split("-");
      lo = value(a!);
      hi = value(b!);
    } else {
      lo = value(range!);
      hi = stepStr === undefined ? lo : max;
    }
    if (lo > hi) throw new Error(`Invalid cron range "${range}"`);
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

/** Parses a cron expression; throws with a readable message when it is malformed. */
export function parseCron(expression: string): CronSchedule {
  let rest = expression.trim();
  let timeZone = "UTC";
  const tz = /^(?:TZ|CRON_TZ)=(\S+)\s+/.exec(rest);
  if (tz) {
    timeZone = tz[1]!;
    rest = rest.slice(tz[0].length);
    // Validate the zone now, not at first fire.
    new Intl.DateTimeFormat("en-US", { timeZone });
  }
  rest = MACROS[rest.toLowerCase()] ?? rest;
  const fields = rest.split(/\s+/);
  if (fields.length === 5) fields.unshift("0");
  if (fields.length !== 6) throw new Error(`Cron "${expression}" must have 5 or 6 fields`);
  const [sec, min, hour, dom, month, dow] = fields as [string, string, string, string, string, string];
  const daysOfWeek = parseField(dow, 0, 7, DAY_NAMES);
  if (daysOfWeek.has(7)) {
    daysOfWeek.delete(7);
    daysOfWeek.add(0);
  }
  return {
    source: expression,
    timeZone,
    seconds: parseField(sec, 0, 59),
    minutes: parseField(min, 0, 59),
    hours: parseField(hour, 0, 23),
    daysOfMonth: parseField(dom, 1, 31),
    months: parseField(month, 1, 12, MONTH_NAMES, 1),
    daysOfWeek,
    domRestricted: dom !== "*" && dom !== "?",
    dowRestricted: dow !== "*" && dow !== "?",
  };
}

function dayMatches(s: CronSchedule, wall: Date): boolean {
  const domOk = s.daysOfMonth.has(wall.getUTCDate());
  const dowOk = s.daysOfWeek.has(wall.getUTCDay());
  if (s.domRestricted && s.dowRestricted) return domOk || dowOk;
  return domOk && dowOk;
}

/** True when the wall-clock time (fields read in UTC) matches the schedule, to the second. */
export function cronMatches(s: CronSchedule, wall: Date): boolean {
  return (
    s.seconds.has(wall.getUTCSeconds()) &&
    s.minutes.has(wall.getUTCMinutes()) &&
    s.hours.has(wall.getUTCHours()) &&
    s.months.has(wall.getUTCMonth() + 1) &&
    dayMatches(s, wall)
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `t`, in ms (wall clock minus UTC). */
function zoneOffset(timeZone: string, t: number): number {
  if (timeZone === "UTC") return 0;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(t))) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(t / 1000) * 1000;
}

/** The first instant strictly after `after` (ms) at which the schedule fires. */
export function nextCronTime(s: CronSchedule, after: number): number {
  // Search in "wall clock as UTC" space, skipping whole months/days/hours/minutes that cannot match.
  const start = Math.floor(after / 1000) * 1000 + 1000;
  const w = new Date(start + zoneOffset(s.timeZone, start));
  const limit = w.getTime() + 5 * 366 * 86_400_000;
  while (w.getTime() < limit) {
    if (!s.months.has(w.getUTCMonth() + 1)) {
      w.setUTCMonth(w.getUTCMonth() + 1, 1);
      w.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, w)) {
      w.setUTCDate(w.getUTCDate() + 1);
      w.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!s.hours.has(w.getUTCHours())) {
      w.setUTCHours(w.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!s.minutes.has(w.getUTCMinutes())) {
      w.setUTCMinutes(w.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    if (!s.seconds.has(w.getUTCSeconds())) {
      w.setUTCSeconds(w.getUTCSeconds() + 1, 0);
      continue;
    }
    const wall = w.getTime();
    // Convert back to an instant; a second pass settles the offset across DST changes.
    let instant = wall - zoneOffset(s.timeZone, wall);
    instant = wall - zoneOffset(s.timeZone, instant);
    if (instant > after) return instant;
    w.setUTCSeconds(w.getUTCSeconds() + 1, 0);
  }
  throw new Error(`Cron "${s.source}" never fires`);
}
