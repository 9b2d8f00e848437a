// Chinese public holidays and make-up working days (调休) 2025–2027, as plain data for the demo centre and the forecast.
import type { SpecialDay } from '../forecast.ts';
import { localDateRange } from '../time.ts';

/** A named holiday break: the days off, and the weekend days worked in exchange (调休上班). */
export interface HolidayBreak {
  name: string;
  nameZh: string;
  /** Days off, first and last included. */
  from: string;
  to: string;
  /** Saturdays or Sundays that are working days for this break. */
  makeUpWorkdays: string[];
  /** True where the State Council notice was not yet published when this list was written: statutory days only. */
  provisional?: boolean;
}

/**
 * Holiday breaks 2025–2026 from the State Council notices (国务院办公厅关于…部分节假日安排的通知);
 * 2027 lists only the statutory days (lunar dates computed), since its notice is published in late 2026.
 */
export const CHINA_HOLIDAY_BREAKS: readonly HolidayBreak[] = [
  { name: "New Year's Day", nameZh: '元旦', from: '2025-01-01', to: '2025-01-01', makeUpWorkdays: [] },
  { name: 'Spring Festival', nameZh: '春节', from: '2025-01-28', to: '2025-02-04', makeUpWorkdays: ['2025-01-26', '2025-02-08'] },
  { name: 'Qingming', nameZh: '清明节', from: '2025-04-04', to: '2025-04-06', makeUpWorkdays: [] },
  { name: 'Labour Day', nameZh: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUpWorkdays: ['2025-04-27'] },
  { name: 'Dragon Boat', nameZh: '端午节', from: '2025-05-31', to: '2025-06-02', makeUpWorkdays: [] },
  { name: 'National Day and Mid-Autumn', nameZh: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08', makeUpWorkdays: ['2025-09-28', '2025-10-11'] },
  { name: "New Year's Day", nameZh: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpWorkdays: ['2026-01-04'] },
  { name: 'Spring Festival', nameZh: '春节', from: '2026-02-15', to: '2026-02-23', makeUpWorkdays: ['2026-02-14', '2026-02-28'] },
  { name: 'Qingming', nameZh: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpWorkdays: [] },
  { name: 'Labour Day', nameZh: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpWorkdays: ['2026-05-09'] },
  { name: 'Dragon Boat', nameZh: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpWorkdays: [] },
  { name: 'Mid-Autumn', nameZh: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpWorkdays: [] },
  { name: 'National Day', nameZh: '国庆节', from: '2026-10-01', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] },
  { name: "New Year's Day", nameZh: '元旦', from: '2027-01-01', to: '2027-01-01', makeUpWorkdays: [], provisional: true },
  { name: 'Spring Festival', nameZh: '春节', from: '2027-02-05', to: '2027-02-08', makeUpWorkdays: [], provisional: true },
  { name: 'Qingming', nameZh: '清明节', from: '2027-04-05', to: '2027-04-05', makeUpWorkdays: [], provisional: true },
  { name: 'Labour Day', nameZh: '劳动节', from: '2027-05-01', to: '2027-05-02', makeUpWorkdays: [], provisional: true },
  { name: 'Dragon Boat', nameZh: '端午节', from: '2027-06-09', to: '2027-06-09', makeUpWorkdays: [], provisional: true },
  { name: 'Mid-Autumn', nameZh: '中秋节', from: '2027-09-15', to: '2027-09-15', makeUpWorkdays: [], provisional: true },
  { name: 'National Day', nameZh: '国庆节', from: '2027-10-01', to: '2027-10-03', makeUpWorkdays: [], provisional: true },
];

/**
 * Which local dates are public-holiday days off?
 * @example holidayDates().has('2026-10-01') // true
 */
export function holidayDates(breaks: readonly HolidayBreak[] = CHINA_HOLIDAY_BREAKS): Map<string, HolidayBreak> {
  const days = new Map<string, HolidayBreak>();
  for (const b of breaks) for (const d of localDateRange(b.from, b.to)) days.set(d, b);
  return days;
}

/**
 * Which weekend dates are working days (调休上班)?
 * @example makeUpWorkdays().has('2026-02-28') // true
 */
export function makeUpWorkdays(breaks: readonly HolidayBreak[] = CHINA_HOLIDAY_BREAKS): Set<string> {
  return new Set(breaks.flatMap((b) => b.makeUpWorkdays));
}

/**
 * Turn holiday breaks into forecast special days: each break scaled by `factor`, make-up days forecast as `likeWeekday`.
 * @example holidaySpecialDays({ factor: 0.7 })[0] // { from: '2025-01-01', to: '2025-01-01', factor: 0.7, label: '元旦' }
 */
export function holidaySpecialDays({ factor, likeWeekday = 0, project, breaks = CHINA_HOLIDAY_BREAKS }: {
  factor: number;
  likeWeekday?: number;
  project?: string;
  breaks?: readonly HolidayBreak[];
}): SpecialDay[] {
  const scope = project === undefined ? {} : { project };
  return breaks.flatMap((b) => [
    { from: b.from, to: b.to, factor, label: b.nameZh, ...scope },
    ...b.makeUpWorkdays.map((date) => ({ date, factor: 1, label: `${b.nameZh}调休上班`, likeWeekday, ...scope })),
  ]);
}
