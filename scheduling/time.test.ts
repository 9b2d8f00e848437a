// Specifies local-date and interval helpers; every test names its zone, so the process TZ never matters.
import { describe, it, expect } from 'vitest';
import {
  addLocalDays,
  daysBetween,
  daysOfMonth,
  intervalIndexOf,
  intervalStart,
  intervalsPerDay,
  isLocalDate,
  localDateOf,
  localDateRange,
  localSlotOf,
  slotLocator,
  startOfLocalDate,
  weekdayOf,
} from './time.ts';

const shanghai = { timeZone: 'Asia/Shanghai' };
const newYork = { timeZone: 'America/New_York' };

describe('local dates in the centre zone', () => {
  it('puts 16:30 UTC on the next local date in Shanghai (UTC+8)', () => {
    expect(localDateOf(new Date('2026-03-01T16:30:00Z'), shanghai)).toBe('2026-03-02');
    expect(localDateOf(new Date('2026-03-01T15:59:59Z'), shanghai)).toBe('2026-03-01');
  });

  it('starts a Shanghai local date at 16:00 UTC the day before', () => {
    expect(startOfLocalDate('2026-03-02', shanghai).toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('defaults to Asia/Shanghai when no zone is given', () => {
    expect(startOfLocalDate('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(intervalIndexOf(new Date('2026-03-01T16:30:00Z'))).toBe(1);
  });

  it('round-trips date → start instant → date', () => {
    for (const date of ['2025-01-01', '2026-07-15', '2027-12-31']) {
      expect(localDateOf(startOfLocalDate(date, shanghai), shanghai)).toBe(date);
    }
  });
});

describe('intervals', () => {
  it('has 48 thirty-minute intervals and 96 fifteen-minute intervals a day', () => {
    expect(intervalsPerDay()).toBe(48);
    expect(intervalsPerDay(15)).toBe(96);
  });

  it('finds interval 17 (08:30–09:00) for 00:45 UTC in Shanghai', () => {
    expect(intervalIndexOf(new Date('2026-03-02T00:45:00Z'), shanghai)).toBe(17);
    expect(localSlotOf(new Date('2026-03-02T00:45:00Z'), shanghai)).toEqual({ date: '2026-03-02', interval: 17 });
  });

  it('starts interval 17 of 2026-03-02 at 00:30 UTC in Shanghai', () => {
    expect(intervalStart('2026-03-02', 17, shanghai).toISOString()).toBe('2026-03-02T00:30:00.000Z');
  });

  it('round-trips every interval of a day', () => {
    for (let i = 0; i < 48; i++) {
      expect(localSlotOf(intervalStart('2026-08-10', i, shanghai), shanghai)).toEqual({ date: '2026-08-10', interval: i });
    }
  });

  it('locates slots in bulk exactly as localSlotOf does, in Shanghai and across a New York DST change', () => {
    for (const [zone, from] of [[shanghai, '2026-03-01T00:00:00Z'], [newYork, '2026-03-07T00:00:00Z'], [newYork, '2026-10-31T00:00:00Z']] as const) {
      const slotOf = slotLocator(zone);
      for (let k = 0; k < 4 * 96; k++) {
        const ms = Date.parse(from) + k * 7 * 60_000;
        expect(slotOf(ms)).toEqual(localSlotOf(new Date(ms), zone));
      }
    }
  });

  it('supports 15-minute intervals', () => {
    expect(intervalIndexOf(new Date('2026-03-02T00:45:00Z'), { ...shanghai, intervalMinutes: 15 })).toBe(35);
    expect(intervalStart('2026-03-02', 35, { ...shanghai, intervalMinutes: 15 }).toISOString()).toBe('2026-03-02T00:45:00.000Z');
  });
});

describe('calendar arithmetic', () => {
  it('says 2026-11-23 is a Monday (0) and 2026-11-29 a Sunday (6)', () => {
    expect(weekdayOf('2026-11-23')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
  });

  it('adds days across month and year ends, forwards and backwards', () => {
    expect(addLocalDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addLocalDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(daysBetween('2026-01-01', '2026-01-08')).toBe(7);
  });

  it('lists the days of a month, including leap Februaries', () => {
    expect(daysOfMonth('2026-02')).toHaveLength(28);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2026-11')[0]).toBe('2026-11-01');
    expect(daysOfMonth('2026-11').at(-1)).toBe('2026-11-30');
  });

  it('lists a date range inclusively across the year end', () => {
    expect(localDateRange('2026-12-30', '2027-01-01')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});

describe('edge cases', () => {
  it('keeps wall-clock interval indices on a DST day in a zone that has one', () => {
    // 2026-03-08: New York springs forward at 02:00 → 03:00 local (07:00 UTC).
    expect(intervalIndexOf(new Date('2026-03-08T07:00:00Z'), newYork)).toBe(6); // 03:00 local
    expect(intervalIndexOf(new Date('2026-03-08T06:59:00Z'), newYork)).toBe(3); // 01:59 local
    expect(intervalStart('2026-03-08', 20, newYork).toISOString()).toBe('2026-03-08T14:00:00.000Z'); // 10:00 EDT
    expect(intervalStart('2026-03-07', 20, newYork).toISOString()).toBe('2026-03-07T15:00:00.000Z'); // 10:00 EST
  });

  it('gives the last interval (47) to 23:59 local, the first (0) to midnight', () => {
    expect(intervalIndexOf(new Date('2026-03-02T15:59:00Z'), shanghai)).toBe(47);
    expect(intervalIndexOf(new Date('2026-03-02T16:00:00Z'), shanghai)).toBe(0);
  });

  it('rejects malformed or impossible dates and out-of-range intervals', () => {
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-01')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(() => startOfLocalDate('2026-13-01', shanghai)).toThrow(RangeError);
    expect(() => weekdayOf('')).toThrow(RangeError);
    expect(() => intervalStart('2026-03-02', 48, shanghai)).toThrow(/0\.\.47/);
    expect(() => intervalStart('2026-03-02', 1.5, shanghai)).toThrow(RangeError);
    expect(() => intervalsPerDay(7)).toThrow(RangeError);
    expect(() => daysOfMonth('2026-13')).toThrow(RangeError);
  });

  it('returns an empty range when the end is before the start', () => {
    expect(localDateRange('2026-01-02', '2026-01-01')).toEqual([]);
  });
});
