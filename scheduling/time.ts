// Local dates and interval indices in the centre's time zone (default Asia/Shanghai), converted with date-fns-tz.
import { formatInTimeZone, fromZonedTime } from 'date-fns-tz';

/** The centre's zone when none is given. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** Length of a staffing interval when none is given. */
export const DEFAULT_INTERVAL_MINUTES = 30;

/** Zone and interval length; both optional. */
export interface ZoneOptions {
  timeZone?: string;
  intervalMinutes?: number;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Is `text` a real calendar date written `YYYY-MM-DD`?
 * @example isLocalDate('2026-02-29') // false
 */
export function isLocalDate(text: string): boolean {
  const m = LOCAL_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function assertLocalDate(date: string): void {
  if (!isLocalDate(date)) throw new RangeError(`not a local date YYYY-MM-DD: ${JSON.stringify(date)}`);
}

/** Calendar date as a UTC-midnight Date, for zone-free day arithmetic. */
function utcDay(date: string): Date {
  assertLocalDate(date);
  return new Date(`${date}T00:00:00Z`);
}

/**
 * How many 30-minute (or `intervalMinutes`) intervals are in a day?
 * @example intervalsPerDay() // 48
 */
export function intervalsPerDay(intervalMinutes = DEFAULT_INTERVAL_MINUTES): number {
  if (!(intervalMinutes > 0) || 1440 % intervalMinutes !== 0) throw new RangeError(`intervalMinutes must divide 1440, got ${intervalMinutes}`);
  return 1440 / intervalMinutes;
}

/**
 * Which local date (`YYYY-MM-DD`) is this instant in the centre's zone?
 * @example localDateOf(new Date('2026-03-01T16:30:00Z')) // '2026-03-02' (00:30 in Shanghai)
 */
export function localDateOf(instant: Date, { timeZone = DEFAULT_TIME_ZONE }: ZoneOptions = {}): string {
  return formatInTimeZone(instant, timeZone, 'yyyy-MM-dd');
}

/**
 * At which instant does a local date begin (local midnight)?
 * @example startOfLocalDate('2026-03-02') // 2026-03-01T16:00:00.000Z
 */
export function startOfLocalDate(date: string, { timeZone = DEFAULT_TIME_ZONE }: ZoneOptions = {}): Date {
  assertLocalDate(date);
  return fromZonedTime(`${date}T00:00:00`, timeZone);
}

/**
 * Which interval of its local day does an instant fall in (0..47 for 30-minute intervals)?
 * Counts wall-clock minutes since local midnight.
 * @example intervalIndexOf(new Date('2026-03-01T16:30:00Z')) // 1 (00:30–01:00 in Shanghai)
 */
export function intervalIndexOf(instant: Date, { timeZone = DEFAULT_TIME_ZONE, intervalMinutes = DEFAULT_INTERVAL_MINUTES }: ZoneOptions = {}): number {
  intervalsPerDay(intervalMinutes);
  const [hours, minutes] = formatInTimeZone(instant, timeZone, 'HH:mm').split(':').map(Number);
  return Math.floor((hours * 60 + minutes) / intervalMinutes);
}

/**
 * Local date and interval index of an instant, in one call.
 * @example localSlotOf(new Date('2026-03-01T16:30:00Z')) // { date: '2026-03-02', interval: 1 }
 */
export function localSlotOf(instant: Date, options: ZoneOptions = {}): { date: string; interval: number } {
  return { date: localDateOf(instant, options), interval: intervalIndexOf(instant, options) };
}

/**
 * Which local date and interval is an instant, fast enough for a year of history? Returns a locator
 * that caches the zone offset per UTC day; a day whose offset changes (DST) is resolved per quarter hour.
 * @example slotLocator({ timeZone: 'Asia/Shanghai' })(Date.parse('2026-03-01T16:30:00Z')) // { date: '2026-03-02', interval: 1 }
 */
export function slotLocator({ timeZone = DEFAULT_TIME_ZONE, intervalMinutes = DEFAULT_INTERVAL_MINUTES }: ZoneOptions = {}) {
  intervalsPerDay(intervalMinutes);
  const offsetAt = (ms: number) => Date.parse(formatInTimeZone(new Date(ms), timeZone, "yyyy-MM-dd'T'HH:mm:ss'Z'")) - ms;
  const offsetByDay = new Map<number, number | null>(); // null: the offset changes during that UTC day
  const offsetByQuarterHour = new Map<number, number>();
  const dateByLocalDay = new Map<number, string>();
  return function slotOf(epochMs: number): { date: string; interval: number } {
    const day = Math.floor(epochMs / 86_400_000);
    let offsetMs = offsetByDay.get(day);
    if (offsetMs === undefined) {
      const atStart = offsetAt(day * 86_400_000);
      offsetMs = atStart === offsetAt((day + 1) * 86_400_000 - 60_000) ? atStart : null;
      offsetByDay.set(day, offsetMs);
    }
    if (offsetMs === null) {
      const quarter = Math.floor(epochMs / 900_000);
      offsetMs = offsetByQuarterHour.get(quarter);
      if (offsetMs === undefined) offsetByQuarterHour.set(quarter, (offsetMs = offsetAt(quarter * 900_000)));
    }
    const localMs = epochMs + offsetMs;
    const localDay = Math.floor(localMs / 86_400_000);
    let date = dateByLocalDay.get(localDay);
    if (date === undefined) dateByLocalDay.set(localDay, (date = new Date(localDay * 86_400_000).toISOString().slice(0, 10)));
    return { date, interval: Math.floor((localMs - localDay * 86_400_000) / (intervalMinutes * 60_000)) };
  };
}

/**
 * At which instant does interval `interval` of a local date start?
 * @example intervalStart('2026-03-02', 17) // 2026-03-02T00:30:00.000Z (08:30 in Shanghai)
 */
export function intervalStart(date: string, interval: number, { timeZone = DEFAULT_TIME_ZONE, intervalMinutes = DEFAULT_INTERVAL_MINUTES }: ZoneOptions = {}): Date {
  assertLocalDate(date);
  const perDay = intervalsPerDay(intervalMinutes);
  if (!Number.isInteger(interval) || interval < 0 || interval >= perDay) {
    throw new RangeError(`interval must be an integer in 0..${perDay - 1}, got ${interval}`);
  }
  const minutes = interval * intervalMinutes;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return fromZonedTime(`${date}T${hh}:${mm}:00`, timeZone);
}

/**
 * Which local date is `days` days after `date` (negative goes back)?
 * @example addLocalDays('2026-02-27', 2) // '2026-03-01'
 */
export function addLocalDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Which weekday is a local date, 0 = Monday … 6 = Sunday?
 * @example weekdayOf('2026-11-23') // 0
 */
export function weekdayOf(date: string): number {
  return (utcDay(date).getUTCDay() + 6) % 7;
}

/**
 * How many days lie from `from` to `to` (positive when `to` is later)?
 * @example daysBetween('2026-01-01', '2026-01-08') // 7
 */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDay(to).getTime() - utcDay(from).getTime()) / 86_400_000);
}

/**
 * Which local dates run from `from` to `to`, both included?
 * @example localDateRange('2026-12-30', '2027-01-01') // ['2026-12-30', '2026-12-31', '2027-01-01']
 */
export function localDateRange(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addLocalDays(from, i));
}

/**
 * Which local dates make up a month given as `YYYY-MM`?
 * @example daysOfMonth('2028-02').length // 29
 */
export function daysOfMonth(yearMonth: string): string[] {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month YYYY-MM: ${JSON.stringify(yearMonth)}`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return localDateRange(`${yearMonth}-01`, `${yearMonth}-${String(last).padStart(2, '0')}`);
}
