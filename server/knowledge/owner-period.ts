// The analytics period: two local dates (inclusive) in the centre's zone, defaulting to the last 7 days.
import { addLocalDays, daysBetween, isLocalDate, localDateOf, startOfLocalDate } from '../../scheduling/time.ts';

/** A period of whole local days, and the instants [from, to) it covers. */
export interface Period {
  fromDate: string;
  toDate: string;
  from: Date;
  to: Date;
  /** Field → message key when a given date was unusable (the default is used instead). */
  errors: Partial<Record<'from' | 'to', string>>;
}

/** Longest period accepted, in days. */
export const MAX_PERIOD_DAYS = 366;

/**
 * Which days does the analytics page cover? `from` and `to` are `YYYY-MM-DD` local dates,
 * inclusive; a missing one defaults to the last 7 days ending today; an invalid or reversed one
 * is reported and replaced by the default.
 * @example analyticsPeriod({}, new Date('2026-11-25T02:00:00Z'), 'Asia/Shanghai')
 * // { fromDate: '2026-11-19', toDate: '2026-11-25', from: 2026-11-18T16:00Z, to: 2026-11-25T16:00Z, errors: {} }
 */
export function analyticsPeriod(query: { from?: string; to?: string }, now: Date, timeZone: string): Period {
  const errors: Period['errors'] = {};
  const today = localDateOf(now, { timeZone });
  let toDate = today;
  if (query.to) {
    if (isLocalDate(query.to)) toDate = query.to;
    else errors.to = 'owner.analytics.badDate';
  }
  let fromDate = addLocalDays(toDate, -6);
  if (query.from) {
    if (!isLocalDate(query.from)) errors.from = 'owner.analytics.badDate';
    else if (daysBetween(query.from, toDate) < 0) errors.from = 'owner.analytics.reversed';
    else if (daysBetween(query.from, toDate) >= MAX_PERIOD_DAYS) errors.from = 'owner.analytics.tooLong';
    else fromDate = query.from;
  }
  return { fromDate, toDate, from: startOfLocalDate(fromDate, { timeZone }), to: startOfLocalDate(addLocalDays(toDate, 1), { timeZone }), errors };
}
