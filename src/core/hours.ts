// Operating hours of a helpline: weekly shifts and holidays in its own time zone. Pure: validated once, asked with an instant.

/** One weekly shift: `day` 0 (Sunday) to 6, local times `HH:MM` on quarter hours; `end` after `start`, or `24:00`. */
export interface Shift {
  day: number;
  start: string;
  end: string;
}

/** The hours as stored and edited. No hours set at all means always open (a helpline that never closes). */
export interface HelplineHours {
  timeZone: string;
  shifts: Shift[];
  /** Local dates `YYYY-MM-DD` with no shift at all. */
  holidays: string[];
}

const QUARTER = 15 * 60_000;
/** How far ahead the next opening is looked for: a year of holidays still finds it. */
const HORIZON = 400 * 24 * 60 * 60_000;
const TIME = /^([01]\d|2[0-4]):(00|15|30|45)$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Thrown with a message that names the field; the API turns it into a 400. */
export class HoursError extends Error {
  override name = 'HoursError';
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Checks hours from the dashboard; returns them cleaned (sorted, without duplicates) or throws HoursError. */
export function parseHours(input: unknown): HelplineHours {
  if (!input || typeof input !== 'object') throw new HoursError('hours: expected an object');
  const value = input as Record<string, unknown>;
  const timeZone = value.timeZone;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) throw new HoursError('timeZone: an IANA time zone such as Asia/Bangkok');
  if (!Array.isArray(value.shifts) || value.shifts.length === 0 || value.shifts.length > 50) throw new HoursError('shifts: 1 to 50 shifts');
  const shifts = value.shifts.map((raw, i) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (!Number.isInteger(s.day) || (s.day as number) < 0 || (s.day as number) > 6) throw new HoursError(`shifts[${i}].day: 0 (Sunday) to 6`);
    for (const field of ['start', 'end'] as const) {
      if (typeof s[field] !== 'string' || !TIME.test(s[field] as string) || minutes(s[field] as string) > 1440) throw new HoursError(`shifts[${i}].${field}: HH:MM on a quarter hour`);
    }
    if (minutes(s.end as string) <= minutes(s.start as string)) throw new HoursError(`shifts[${i}].end: after start`);
    return { day: s.day as number, start: s.start as string, end: s.end as string };
  });
  const holidays = value.holidays ?? [];
  if (!Array.isArray(holidays) || holidays.length > 100) throw new HoursError('holidays: at most 100 dates');
  for (const [i, d] of holidays.entries()) if (typeof d !== 'string' || !DATE.test(d)) throw new HoursError(`holidays[${i}]: YYYY-MM-DD`);
  shifts.sort((a, b) => a.day - b.day || minutes(a.start) - minutes(b.start));
  return { timeZone, shifts, holidays: [...new Set(holidays as string[])].sort() };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length <= 64;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date, weekday and minute of the day of an instant in a time zone. */
export function localTime(at: number, timeZone: string): { date: string; day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** True when a person from the team is on shift at `at`. Null hours: always open. */
export function isOpen(hours: HelplineHours | null, at: number): boolean {
  if (!hours) return true;
  const local = localTime(at, hours.timeZone);
  if (hours.holidays.includes(local.date)) return false;
  return hours.shifts.some((s) => s.day === local.day && local.minute >= minutes(s.start) && local.minute < minutes(s.end));
}

/**
 * The first instant from `at` on when the helpline is open; `at` itself when open now; null when no shift
 * comes within the horizon. Every time zone's offset is a multiple of a quarter hour and shifts start on
 * quarter hours, so looking at each UTC quarter hour finds the exact start.
 */
export function nextOpening(hours: HelplineHours | null, at: number): number | null {
  if (isOpen(hours, at)) return at;
  for (let t = Math.ceil(at / QUARTER) * QUARTER; t <= at + HORIZON; t += QUARTER) if (isOpen(hours, t)) return t;
  return null;
}

/** "Monday 08:00 GMT+7": when the team is back, in the person's language and the helpline's time. */
export function formatOpening(at: number, timeZone: string, locale: string | null): string {
  const options: Intl.DateTimeFormatOptions = { timeZone, weekday: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat(locale ?? 'en', options).format(at);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(at);
  }
}
