// Specifies the shape of the demo centre's generated history: daily and weekly shape, summer peak, holidays, determinism.
import { describe, it, expect } from 'vitest';
import { formatHistoryCsv, parseHistory, type HistoryRow } from '../history.ts';
import { slotLocator, weekdayOf } from '../time.ts';
import { dailyShape, DEMO_PROJECTS, generateDemoHistory, mulberry32 } from './history.ts';
import { CHINA_HOLIDAY_BREAKS, holidayDates, holidaySpecialDays, makeUpWorkdays } from './holidays.ts';

const year = generateDemoHistory({ seed: 42 });
const slotOf = slotLocator({ timeZone: 'Asia/Shanghai' });

/** Daily offered totals per local date for one project. */
function dailyTotals(rows: HistoryRow[], project: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of rows) {
    if (r.project !== project) continue;
    const { date } = slotOf(Date.parse(r.intervalStart));
    totals.set(date, (totals.get(date) ?? 0) + r.callsOffered);
  }
  return totals;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const offDays = holidayDates();
const workWeekends = makeUpWorkdays();
const ordinary = (date: string) => !offDays.has(date) && !workWeekends.has(date);

describe('generateDemoHistory', () => {
  it('covers a year: 365 days × 48 intervals × 4 projects, starting 2025-11-01 local', () => {
    expect(year).toHaveLength(365 * 48 * 4);
    expect(new Set(year.map((r) => r.project))).toEqual(new Set(['95598', 'EV', 'INS', 'FIN']));
    expect(year[0].intervalStart).toBe('2025-10-31T16:00:00.000Z');
  });

  it('is the same for the same seed and different for another seed', () => {
    const a = generateDemoHistory({ seed: 7, from: '2026-07-01', days: 2 });
    expect(generateDemoHistory({ seed: 7, from: '2026-07-01', days: 2 })).toEqual(a);
    expect(generateDemoHistory({ seed: 8, from: '2026-07-01', days: 2 })).not.toEqual(a);
  });

  it('sizes 95598 for a ~300-agent sub-centre (thousands of calls a day) and the other projects far fewer', () => {
    const hotline = mean([...dailyTotals(year, '95598').values()]);
    expect(hotline).toBeGreaterThan(6_000);
    expect(hotline).toBeLessThan(14_000);
    for (const code of ['EV', 'INS', 'FIN']) expect(mean([...dailyTotals(year, code).values()])).toBeLessThan(hotline / 3);
  });

  it('is quieter at weekends: 95598 ordinary weekdays carry 1.2–1.5× the calls of ordinary weekend days', () => {
    const totals = [...dailyTotals(year, '95598')].filter(([d]) => ordinary(d));
    const weekday = mean(totals.filter(([d]) => weekdayOf(d) < 5).map(([, n]) => n));
    const weekend = mean(totals.filter(([d]) => weekdayOf(d) >= 5).map(([, n]) => n));
    expect(weekday / weekend).toBeGreaterThan(1.2);
    expect(weekday / weekend).toBeLessThan(1.5);
  });

  it('has a summer peak (度夏): 95598 July–August is 20–45% above May–June', () => {
    const totals = [...dailyTotals(year, '95598')].filter(([d]) => ordinary(d) && weekdayOf(d) < 5);
    const summer = mean(totals.filter(([d]) => d >= '2026-07-01' && d <= '2026-08-31').map(([, n]) => n));
    const before = mean(totals.filter(([d]) => d >= '2026-05-06' && d <= '2026-06-30').map(([, n]) => n));
    expect(summer / before).toBeGreaterThan(1.2);
    expect(summer / before).toBeLessThan(1.45);
  });

  it('is quieter on public holidays for the insurance line (National Day week under 60% of ordinary weekdays)', () => {
    const totals = dailyTotals(year, 'INS');
    const nationalDay = mean(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06'].map((d) => totals.get(d)!));
    const ordinaryWeekdays = mean([...totals].filter(([d]) => ordinary(d) && weekdayOf(d) < 5 && d >= '2026-09-01').map(([, n]) => n));
    expect(nationalDay / ordinaryWeekdays).toBeLessThan(0.6);
  });

  it('has a night trough and two daytime peaks: 04:00 under a fifth of 10:00, 12:30 a dip between peaks', () => {
    const shape = dailyShape();
    expect(shape.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(shape[8]).toBeLessThan(shape[20] / 5);
    const morningPeak = shape.indexOf(Math.max(...shape.slice(14, 24)));
    const afternoonPeak = shape.indexOf(Math.max(...shape.slice(26, 36)));
    expect(morningPeak).toBeGreaterThanOrEqual(18);
    expect(morningPeak).toBeLessThanOrEqual(21);
    expect(afternoonPeak).toBeGreaterThanOrEqual(29);
    expect(afternoonPeak).toBeLessThanOrEqual(32);
    expect(Math.min(...shape.slice(morningPeak, afternoonPeak))).toBeLessThan(shape[afternoonPeak]);
  });

  it('produces rows the history importer accepts (handled ≤ offered, AHT > 0 when handled, 30-minute starts)', () => {
    const sample = generateDemoHistory({ seed: 3, from: '2026-08-01', days: 3 });
    const parsed = parseHistory(formatHistoryCsv(sample));
    expect(parsed.ok).toBe(true);
    expect(year.every((r) => r.callsHandled <= r.callsOffered && (r.callsHandled === 0 || r.ahtSeconds > 0))).toBe(true);
  });

  it('keeps AHT near each project’s configured mean (within 5%)', () => {
    for (const p of DEMO_PROJECTS) {
      const rows = year.filter((r) => r.project === p.code && r.callsHandled > 0);
      const aht = rows.reduce((s, r) => s + r.ahtSeconds * r.callsHandled, 0) / rows.reduce((s, r) => s + r.callsHandled, 0);
      expect(Math.abs(aht / p.ahtSeconds - 1)).toBeLessThan(0.05);
    }
  });
});

describe('holidays', () => {
  it('lists National Day 2026 as 1–7 October with make-up Saturdays/Sundays 20 September and 10 October', () => {
    const nationalDay = CHINA_HOLIDAY_BREAKS.find((b) => b.from === '2026-10-01')!;
    expect(nationalDay).toMatchObject({ nameZh: '国庆节', to: '2026-10-07', makeUpWorkdays: ['2026-09-20', '2026-10-10'] });
    for (const d of makeUpWorkdays()) expect(weekdayOf(d)).toBeGreaterThanOrEqual(5);
  });

  it('covers 2025 to 2027 with every break in order and marks 2027 provisional', () => {
    const years = new Set(CHINA_HOLIDAY_BREAKS.map((b) => b.from.slice(0, 4)));
    expect(years).toEqual(new Set(['2025', '2026', '2027']));
    for (let i = 1; i < CHINA_HOLIDAY_BREAKS.length; i++) expect(CHINA_HOLIDAY_BREAKS[i].from > CHINA_HOLIDAY_BREAKS[i - 1].to).toBe(true);
    expect(CHINA_HOLIDAY_BREAKS.filter((b) => b.from.startsWith('2027')).every((b) => b.provisional)).toBe(true);
  });

  it('turns breaks into forecast special days, make-up days forecast like a Monday', () => {
    const special = holidaySpecialDays({ factor: 0.7, project: 'EV' });
    expect(special).toContainEqual({ from: '2026-02-15', to: '2026-02-23', factor: 0.7, label: '春节', project: 'EV' });
    expect(special).toContainEqual({ date: '2026-02-28', factor: 1, label: '春节调休上班', likeWeekday: 0, project: 'EV' });
  });
});

describe('edge cases', () => {
  it('mulberry32 is deterministic, in [0, 1), and differs by seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mean(xs)).toBeGreaterThan(0.45);
    expect(mean(xs)).toBeLessThan(0.55);
    expect(mulberry32(2)()).not.toBe(mulberry32(1)());
  });

  it('generates nothing for zero days and one day of 192 rows', () => {
    expect(generateDemoHistory({ days: 0 })).toEqual([]);
    expect(generateDemoHistory({ from: '2026-07-01', days: 1 })).toHaveLength(192);
  });

  it('never produces negative or fractional call counts', () => {
    expect(year.every((r) => Number.isInteger(r.callsOffered) && r.callsOffered >= 0 && Number.isInteger(r.callsHandled) && r.callsHandled >= 0)).toBe(true);
  });
});
